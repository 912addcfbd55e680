import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keychainService } from '../../../../main/secrets/keytar-secret-store';
import { projectRoot, runGatehouse } from '../../../support/cli';
import { demo } from '../../../support/server/demo-tenant';
import { managementClient, managementToken, type ManagementClient } from '../../../support/server/management';
import { startTestServer, type TestServer } from '../../../support/server/start-test-server';
import { totpForSlowUse } from '../../../support/totp';

// The admin verbs as a support script runs them: `npx gatehouse …` child processes against the real
// reference server, with a temporary config folder and this D-Bus session's real keychain.
let server: TestServer;
let scratch: string;
let api: ManagementClient;

beforeAll(async () => {
  server = await startTestServer();
  scratch = await mkdtemp(join(tmpdir(), 'gatehouse-admin-cli-'));
  api = managementClient(server, await managementToken(server, 'm2m'));
});
afterAll(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});

const gatehouse = (args: string[], input?: string, config = 'm2m') =>
  runGatehouse(args, {
    input,
    configDir: join(scratch, config),
    env: { ADMIN_SECRET: demo.clients.adminM2m.secret },
  });
const m2m = () => [
  '--m2m',
  '--server',
  server.url,
  '--client-id',
  demo.clients.adminM2m.clientId,
  '--client-secret-env',
  'ADMIN_SECRET',
];
const asUser = (who: 'admin' | 'support' | 'mfa') => [
  '--server',
  server.url,
  '--client-id',
  demo.clients.desktop.clientId,
  '--username',
  demo.users[who].email,
  '--admin-realm',
  'employees',
  '--password-stdin',
];
const json = <T>(stdout: string) => JSON.parse(stdout) as T;

// Each case runs several `npx gatehouse` processes; give them room on a busy 2-core machine.
// The cases are independent, so they run side by side: most of their time is process start-up.
describe.concurrent('gatehouse admin verbs', { timeout: 240_000 }, () => {
  it('manages a realm, its user, blocks, rules, actions and logs with the M2M client', async () => {
    const created = await gatehouse([
      'realms',
      'create',
      'qa-cli',
      '--enable-client',
      'gatehouse-desktop',
      '--password-policy',
      'fair',
      '--json',
      ...m2m(),
    ]);
    expect(created.stderr).toBe('');
    expect(json<{ name: string; options: unknown }>(created.stdout)).toMatchObject({
      name: 'qa-cli',
      options: { passwordPolicy: 'fair' },
    });

    const email = 'carol.cli@example.com';
    const user = await gatehouse(
      ['users', 'create', email, '--realm', 'qa-cli', '--new-password-stdin', ...m2m()],
      'Carol-Cli-Passw0rd!\n',
    );
    expect(user).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Created carol\.cli@example\.com \(auth0\|.+\) in qa-cli\./),
    });
    expect(user.stdout).not.toContain('Carol-Cli-Passw0rd!');

    const blocked = await gatehouse(['users', 'block', email, '--json', ...m2m()]);
    const carol = json<{ user_id: string; email: string; blocked: boolean }>(blocked.stdout);
    expect(carol).toMatchObject({ email, blocked: true, identities: [{ connection: 'qa-cli' }] });

    const reset = await gatehouse(['users', 'reset-password', email, '--new-password-stdin', ...m2m()], 'x');
    expect(reset.code).toBe(1);
    expect(reset.stderr).toMatch(/^gatehouse: The server refused to reset the user’s password: PasswordStrengthError/);
    expect(reset.stderr).toContain('[server: 400 password_strength_error');

    const blocks = await gatehouse(['blocks', 'list', '--identifier', email, ...m2m()]);
    expect(blocks).toMatchObject({ code: 0, stdout: `${email} is not blocked.\n` });

    const script = join(scratch, 'rule.js');
    await writeFile(
      script,
      "function (user, context, callback) {\n  context.idToken['https://qa.example/cli'] = 1;\n  callback(null, user, context);\n}",
    );
    const rule = await gatehouse([
      'rules',
      'create',
      '--name',
      'cli rule',
      '--file',
      script,
      '--disabled',
      '--json',
      ...m2m(),
    ]);
    const ruleId = json<{ id: string; enabled: boolean }>(rule.stdout).id;
    const all = (await api.get('/rules')).body as { id: string; order: number }[];
    const order = [
      ruleId,
      ...all
        .filter((item) => item.id !== ruleId)
        .sort((a, b) => a.order - b.order)
        .map((item) => item.id),
    ];
    const reordered = await gatehouse(['rules', 'reorder', ...order, ...m2m()]);
    expect(reordered.code).toBe(0);
    expect(reordered.stdout.split('\n')[1]).toMatch(new RegExp(`^1\\s+no\\s+${ruleId}\\s+cli rule$`));

    const action = (
      await api.post('/actions/actions', {
        name: 'cli action',
        supported_triggers: [{ id: 'post-login', version: 'v3' }],
        code: 'exports.onExecutePostLogin = async () => {};',
      })
    ).json as { id: string };
    const deployed = await gatehouse(['actions', 'deploy', action.id, ...m2m()]);
    expect(deployed).toMatchObject({ code: 0, stdout: 'Deployed cli action: version 1 now runs.\n' });

    const logs = await gatehouse(['logs', '--q', 'type:sapi', '--take', '3', '--json', ...m2m()]);
    const events = json<{ items: { type: string; description: string }[] }>(logs.stdout).items;
    expect(events).toHaveLength(3);
    expect(events.every((event) => event.type === 'sapi')).toBe(true);

    await api.delete(`/users/${encodeURIComponent(carol.user_id)}`);
    const deleted = await gatehouse(['realms', 'delete', 'qa-cli', ...m2m()]);
    expect(deleted).toMatchObject({ code: 0, stdout: 'Deleted realm qa-cli.\n' });
  });

  it('signs an admin in for one command, and explains support’s missing permission with exit 1', async () => {
    const admin = await gatehouse(
      ['users', 'list', '--q', `email:"${demo.users.alice.email}"`, '--json', ...asUser('admin')],
      `${demo.users.admin.password}\n`,
      'people',
    );
    expect(admin.stderr).toBe('');
    expect(json<{ items: { email: string }[] }>(admin.stdout).items.map((item) => item.email)).toEqual([
      demo.users.alice.email,
    ]);

    const support = await gatehouse(
      ['users', 'block', demo.users.alice.email, ...asUser('support')],
      `${demo.users.support.password}\n`,
      'people',
    );
    expect(support.code).toBe(1);
    expect(support.stderr.trim().split('\n')).toHaveLength(1);
    expect(support.stderr).toContain('Your admin access does not allow Gatehouse to block the user.');
    expect(support.stderr).toContain(
      '[server: 403 insufficient_scope "Insufficient scope, expected any of: update:users',
    );
  });

  it('exits 3 without a step-up, steps up as the saved account with --password-stdin, and leaves its keychain entry', async () => {
    const profile = `stepup-${Date.now().toString(36)}`;
    const login = (who: 'alice' | 'admin') =>
      gatehouse(
        [
          'login',
          '--server',
          server.url,
          '--client-id',
          'gatehouse-desktop',
          '--realm',
          'employees',
          '--username',
          demo.users[who].email,
          '--password-stdin',
          '--profile',
          profile,
        ],
        `${demo.users[who].password}\n`,
        'saved',
      );
    expect((await login('alice')).code).toBe(0);
    const rules = await gatehouse(['rules', 'list'], undefined, 'saved');
    expect(rules.code).toBe(3);
    expect(rules.stderr).toMatch(
      /Admin access for alice@example\.com needs your password again\..*--password-stdin.*--m2m/,
    );

    expect((await login('admin')).code).toBe(0);
    const account = `${profile}/employees/${demo.users.admin.email}`;
    const stored = await keytar.getPassword(keychainService, account);
    expect(stored).toMatch(/^v1\./);
    const listed = await gatehouse(
      ['rules', 'list', '--json', '--password-stdin'],
      `${demo.users.admin.password}\n`,
      'saved',
    );
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(json<{ name: string }[]>(listed.stdout).map((rule) => rule.name)).toContain('Add realm and roles claims');
    // The step-up lived in that process only: the saved everyday session's keychain entry is untouched.
    expect(await keytar.getPassword(keychainService, account)).toBe(stored);
    expect(
      (await keytar.findCredentials(keychainService)).filter((c) => c.account.startsWith(`${profile}/`)),
    ).toHaveLength(2);
    const wrong = await gatehouse(['rules', 'list', '--password-stdin'], 'not-the-password\n', 'saved');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('[server: 403 invalid_grant');

    const bad = await gatehouse(['blocks', 'clear', '--identifier', 'x', '--user', 'y'], undefined, 'saved');
    expect(bad.code).toBe(2);
    expect((await gatehouse(['logout', '--all'], undefined, 'saved')).code).toBe(0);
  });

  it('steps up an MFA user with the one-time code on the line after the password', async () => {
    const listed = await gatehouse(
      ['rules', 'list', '--json', ...asUser('mfa'), '--mfa-otp-stdin'],
      `${demo.users.mfa.password}\n${await totpForSlowUse('JBSWY3DPEHPK3PXP')}\n`,
      'people',
    );
    // mfa@example.com has no admin role: the step-up succeeds, and the Management API refuses the read.
    expect(listed.stderr).toContain('Your admin access does not allow Gatehouse to');
    expect(listed.code).toBe(1);
    const withoutCode = await gatehouse(['rules', 'list', ...asUser('mfa')], `${demo.users.mfa.password}\n`, 'people');
    expect(withoutCode.code).toBe(1);
    expect(withoutCode.stderr).toContain('--mfa-otp-stdin');
  });

  it('tails the log: the newest events, then a new one as it happens, until Ctrl-C (exit 0)', async () => {
    // The bin that `npx gatehouse` runs, started directly: npm exec does not pass Ctrl-C's SIGINT on to
    // the command, and this case is about what the command itself does with it.
    const bin = join(projectRoot, 'bin/gatehouse.mjs');
    const child = spawn(
      process.execPath,
      [bin, 'logs', '--tail', '--take', '2', '--interval', '0.3', '--json', ...m2m()],
      {
        cwd: projectRoot,
        env: {
          ...process.env,
          GATEHOUSE_CONFIG_DIR: join(scratch, 'tail'),
          ADMIN_SECRET: demo.clients.adminM2m.secret,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    try {
      // Whole lines only: a chunk may end in the middle of one.
      const events = () =>
        stdout
          .split('\n')
          .slice(0, -1)
          .filter((line) => line.trim() !== '')
          .map((line) => JSON.parse(line) as { type: string; log_id: string; description?: string });
      const waitUntil = async (done: () => boolean) => {
        for (let tries = 0; tries < 900 && !done(); tries += 1) await new Promise((r) => setTimeout(r, 100));
      };
      await waitUntil(() => events().length >= 2);
      const backlog = events().slice(0, 2);
      expect(backlog).toHaveLength(2);
      await api.patch('/attack-protection/brute-force-protection', { enabled: true });
      // Other cases write too (they run side by side), so look for this write's own event.
      const isOurs = (event: { type: string; description?: string }) =>
        event.type === 'sapi' && event.description === 'Update brute-force protection settings';
      await waitUntil(() => events().slice(2).some(isOurs));
      expect(events().slice(2).some(isOurs)).toBe(true);
      const ids = events().map((event) => event.log_id);
      expect([...ids].sort()).toEqual(ids);
      expect(new Set(ids).size).toBe(ids.length);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(stderr).not.toMatch(/gatehouse:/);
    } finally {
      // Never leave our tail running when an expectation failed.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
