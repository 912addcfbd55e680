import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demo } from '../../support/server/demo-tenant';
import { decodePayload, postForm } from '../../support/server/http';

const repoRoot = resolve(import.meta.dirname, '../../..');
// The npm script runs `node`, so put this Node (24) first on PATH for the child.
const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env['PATH'] ?? ''}` };

const children: ChildProcessWithoutNullStreams[] = [];
const groups: number[] = [];
const folders: string[] = [];

/** Signals every process in the group led by `child` (spawned with `detached: true`). */
function signalGroup(child: ChildProcessWithoutNullStreams, signal: NodeJS.Signals): void {
  if (child.pid === undefined) throw new Error('child has no pid');
  process.kill(-child.pid, signal);
}

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  // A failed test may leave the server of a detached group running after npm is gone.
  for (const pid of groups.splice(0)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // ESRCH: the group has already exited, which is the normal case.
    }
  }
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'gatehouse-cli-test-'));
  folders.push(folder);
  return folder;
}

function run(command: string, args: string[], options: { detached?: boolean } = {}): ChildProcessWithoutNullStreams {
  const child = spawn(command, args, { cwd: repoRoot, env, stdio: 'pipe', detached: options.detached ?? false });
  children.push(child);
  if (options.detached && child.pid !== undefined) groups.push(child.pid);
  return child;
}

/** Collects a child's output as it arrives. */
function collect(child: ChildProcessWithoutNullStreams): { stdout: () => string; stderr: () => string } {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { stdout: () => stdout, stderr: () => stderr };
}

/** Resolves with the URL from the `Gatehouse server listening on <url>` line. */
function waitForListening(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^Gatehouse server listening on (http:\/\/\S+)$/m.exec(stdout);
      if (match?.[1]) resolveUrl(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited early (${code}):\n${stdout}\n${stderr}`)));
  });
}

describe('npm run server', () => {
  it('prints its URL for --port 0, serves a password-realm token, and stops on SIGTERM', async () => {
    const data = await tempDir();
    // Its own process group, so SIGTERM reaches npm, its `sh -c` and the server, as Ctrl-C would.
    const child = run('npm', ['run', '--silent', 'server', '--', '--port', '0', '--data', data, '--seed', 'demo'], {
      detached: true,
    });
    const output = collect(child);
    const url = await waitForListening(child);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toMatch(/:0$/);

    const response = await postForm(`${url}/oauth/token`, {
      grant_type: demo.grants.passwordRealm,
      client_id: demo.clients.desktop.clientId,
      username: demo.users.alice.email,
      password: demo.users.alice.password,
      realm: demo.realms.employees,
    });
    expect(response.status).toBe(200);
    expect(decodePayload(response.json['access_token'])['iss']).toBe(`${url}/`);

    const closed = once(child.stdout, 'close');
    signalGroup(child, 'SIGTERM');
    await closed;
    expect(output.stdout()).toMatch(/^Gatehouse server stopped$/m);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it('exits 0 when the server process itself gets SIGTERM', async () => {
    const data = await tempDir();
    const child = run(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--port', '0', '--data', data]);
    const output = collect(child);
    const url = await waitForListening(child);
    expect((await fetch(`${url}/health`)).status).toBe(200);

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    expect(output.stdout()).toBe(`Gatehouse server listening on ${url}\nGatehouse server stopped\n`);
  });

  it('uses --issuer for every token and the discovery document', async () => {
    const data = await tempDir();
    const child = run(process.execPath, [
      '--import',
      'tsx',
      'server/cli.ts',
      '--port',
      '0',
      '--data',
      data,
      '--seed',
      'demo',
      '--issuer',
      'https://login.gatehouse.test/',
      '--log-level',
      'silent',
    ]);
    const url = await waitForListening(child);
    const discovery = (await (await fetch(`${url}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery['issuer']).toBe('https://login.gatehouse.test/');
    expect(discovery['token_endpoint']).toBe('https://login.gatehouse.test/oauth/token');
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  // Each flag's own message is unit-tested in test/unit/server/cli-args.test.ts; this checks the process.
  it('refuses a bad flag with one line on stderr and exit code 2', async () => {
    const child = run(process.execPath, ['--import', 'tsx', 'server/cli.ts', '--port', 'eighty']);
    const output = collect(child);
    const [code] = (await once(child, 'exit')) as [number | null];

    expect(code).toBe(2);
    expect(output.stdout()).toBe('');
    expect(output.stderr().trim().split('\n')).toHaveLength(1);
    expect(output.stderr()).toMatch(/--port must be a whole number/);
  });
});
