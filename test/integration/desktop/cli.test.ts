import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginArgs as cliLoginArgs, runGatehouse } from '../../support/cli';
import { startTestServer } from '../../support/server/start-test-server';
import { totpForSlowUse } from '../../support/totp';

// The `gatehouse` command as a user runs it: `npx gatehouse …` in a child process, the real server, and
// the real keychain of this D-Bus session.
let server: Awaited<ReturnType<typeof startTestServer>>;
let scratch: string;

beforeAll(async () => {
  server = await startTestServer();
  scratch = await mkdtemp(join(tmpdir(), 'gatehouse-cli-'));
});
afterAll(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});

const gatehouse = (args: string[], input?: string, profile = 'cli-test') =>
  runGatehouse(args, { input, configDir: join(scratch, profile) });

const loginArgs = (profile: string, username = 'alice@example.com') => cliLoginArgs(server.url, { username, profile });

// Each test runs several `npx gatehouse` processes; give them room on a busy 2-core machine.
describe('gatehouse CLI', { timeout: 90_000 }, () => {
  it('logs in with --password-stdin, shows alice’s claims with whoami --json, and logs out', async () => {
    const login = await gatehouse(loginArgs('cli-journey'), 'Alice-Demo-Passw0rd!\n', 'cli-journey');
    expect(login.stderr).toBe('');
    expect(login.code).toBe(0);
    expect(login.stdout).toMatch(/Signed in as alice@example\.com/);
    expect(login.stdout).not.toMatch(/v1\.|Alice-Demo/);

    const whoami = await gatehouse(['whoami', '--json'], undefined, 'cli-journey');
    expect(whoami.code).toBe(0);
    const session = JSON.parse(whoami.stdout) as { idTokenClaims: Record<string, unknown>; storage: string };
    expect(session.storage).toBe('keychain');
    expect(session.idTokenClaims).toMatchObject({
      email: 'alice@example.com',
      iss: server.issuer,
      aud: 'gatehouse-desktop',
    });

    const logout = await gatehouse(['logout'], undefined, 'cli-journey');
    expect(logout.code).toBe(0);

    const after = await gatehouse(['whoami'], undefined, 'cli-journey');
    expect(after.code).toBe(3);
    expect(after.stderr).toMatch(/^gatehouse: not signed in/);
  });

  it('completes an MFA sign-in with --mfa-otp-stdin (password, then the code, on standard input)', async () => {
    const args = loginArgs('cli-mfa', 'mfa@example.com');
    const withoutCode = await gatehouse(args, 'Mfa-Demo-Passw0rd!', 'cli-mfa');
    expect(withoutCode.code).toBe(1);
    expect(withoutCode.stderr).toContain('mfa_required');
    const result = await gatehouse(
      [...args, '--mfa-otp-stdin'],
      `Mfa-Demo-Passw0rd!\n${await totpForSlowUse('JBSWY3DPEHPK3PXP')}\n`,
      'cli-mfa',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Signed in as mfa@example\.com/);
  });

  it('explains a wrong password in one line and exits 1', async () => {
    const result = await gatehouse(loginArgs('cli-wrong'), 'wrong password', 'cli-wrong');
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('The username or password is wrong.');
    expect(result.stderr).toContain('[server: 403 invalid_grant "Wrong email or password."]');
  });

  it('refuses a password on the command line and other bad usage with exit 2', async () => {
    const noStdin = await gatehouse(loginArgs('cli-usage').filter((arg) => arg !== '--password-stdin'));
    expect(noStdin.code).toBe(2);
    const unknownFlag = await gatehouse(['login', '--password', 'x']);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/^gatehouse: /);
  });

  it('says clearly when the server cannot be reached', async () => {
    const result = await gatehouse(
      [
        'login',
        '--server',
        'http://127.0.0.1:9/',
        '--client-id',
        'x',
        '--username',
        'u',
        '--password-stdin',
        '--profile',
        'cli-down',
      ],
      'pw',
      'cli-down',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/gatehouse: Could not reach 127\.0\.0\.1:9/);
  });
});
