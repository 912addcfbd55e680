import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfileTokenClient } from '../../../../main/auth/profile-token-client';
import { DiscoveryCache } from '../../../../main/auth/server-endpoints';
import { runCli } from '../../../../main/cli/run-cli';
import { createHttpClient } from '../../../../main/net/http-client';
import { alice, demoProfile } from '../../../support/desktop-profile';
import { MemorySecretStore } from '../../../support/memory-secret-store';
import { runProcess } from '../../../support/run-process';
import { startTestServer, type TestServer } from '../../../support/server/start-test-server';

// `gatehouse inspect` against the real reference server: in-process for each case, and once as the
// command a user runs (`npx gatehouse`), to prove the wiring and exit codes.
const root = join(import.meta.dirname, '../../../..');
let server: TestServer;
let scratch: string;
let accessToken: string;

beforeAll(async () => {
  server = await startTestServer();
  scratch = await mkdtemp(join(tmpdir(), 'gatehouse-inspect-cli-'));
  const http = createHttpClient({ userAgent: 'Gatehouse/inspect-test' });
  const client = createProfileTokenClient(demoProfile(server.issuer), { http, discovery: new DiscoveryCache(http) });
  if (!client.ok) throw new Error(client.error.message);
  const tokens = await client.value.passwordGrant({ ...alice, scope: 'openid profile email' });
  if (!tokens.ok) throw new Error(tokens.error.message);
  accessToken = tokens.value.accessToken;
});
afterAll(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});

const env = () => ({
  GATEHOUSE_CONFIG_DIR: join(scratch, 'config'),
  GATEHOUSE_POLICY_FILE: join(scratch, 'no-policy.json'),
});

async function gatehouse(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    args,
    {
      stdin: (async function* () {
        yield input;
      })(),
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: env(),
    },
    { secretStore: new MemorySecretStore() },
  );
  return { code, stdout, stderr };
}

const tampered = () => {
  const [header, payload, signature] = accessToken.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'auth0|someone-else' })).toString('base64url')}.${signature}`;
};

describe('gatehouse inspect', () => {
  beforeAll(async () => {
    const added = await gatehouse([
      'profiles',
      'add',
      'demo',
      '--server',
      server.url,
      '--client-id',
      'gatehouse-desktop',
    ]);
    expect(added.code).toBe(0);
    expect((await gatehouse(['profiles', 'use', 'demo'])).code).toBe(0);
  });

  it('verifies a token against the saved profile and exits 0, with --json for scripts', async () => {
    const result = await gatehouse(['inspect', accessToken, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { valid: boolean; checks: { status: string }[] };
    expect(parsed.valid).toBe(true);
    expect(parsed.checks.every((check) => check.status === 'pass')).toBe(true);
    expect(result.stdout).not.toContain(accessToken.split('.')[2]);
  });

  it('reads the token from standard input with -, prints the failed check and exits 1', async () => {
    const result = await gatehouse(['inspect', '-', '--profile', 'demo'], `${tampered()}\n`);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`NOT VALID for ${server.issuer}`);
    expect(result.stdout).toMatch(/\[FAIL\] Signature +The signature does not match/);
    expect(result.stdout).toMatch(/\[pass\] Issuer/);
    expect(result.stdout).toMatch(/ {2}sub: "auth0\|someone-else"\n {6}Subject: /);
  });

  it('verifies against --issuer through discovery, without a saved profile', async () => {
    const result = await gatehouse([
      'inspect',
      accessToken,
      '--issuer',
      server.issuer,
      '--client-id',
      'gatehouse-desktop',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^A signed JWT \(RS256\), probably an access token/);
    expect(result.stdout).toContain('[pass] Signing key');
  });

  it.each([
    [['inspect'], /give one token/],
    [['inspect', 'a', 'b'], /give one token/],
    [['inspect', 'x', '--issuer', 'https://tenant.example/'], /--issuer needs --client-id/],
    [['inspect', 'x', '--profile', 'nope'], /no profile named “nope”/],
    [['inspect', 'x', '--skew', 'ten'], /--skew is a whole number/],
    [['inspect', 'x', '--frobnicate'], /Unknown option/],
  ])('exits 2 for bad usage: %j', async (args, message) => {
    const result = await gatehouse(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('is listed in gatehouse --help and runs as the installed command', async () => {
    expect((await gatehouse(['--help'])).stdout).toContain('gatehouse inspect <jwt|->');
    const child = await runProcess(
      'npx',
      ['--no-install', 'gatehouse', 'inspect', '-', '--issuer', server.issuer, '--client-id', 'gatehouse-desktop'],
      { cwd: root, input: tampered(), env: { ...process.env, ...env() } },
    );
    expect(child.code).toBe(1);
    expect(child.stdout).toContain('[FAIL] Signature');
  });
});
