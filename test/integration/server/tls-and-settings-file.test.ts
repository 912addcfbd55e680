import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../support/server/demo-tenant';
import { createTestPki } from '../../support/oauth2-test-server/test-pki';

const repoRoot = resolve(import.meta.dirname, '../../..');
let folder: string;
let server: ChildProcessWithoutNullStreams;
let serverOutput = '';
let port: number;
let caFile: string;

/** A port nobody listens on right now (the issuer must name it before the server starts). */
async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * A standard client in its own process, unchanged: Node's fetch plus jose, trusting the test CA only
 * through NODE_EXTRA_CA_CERTS (which Node reads at start-up). It discovers the server, signs in, and
 * verifies the ID token against the published JWKS.
 */
const clientScript = `
const { createRemoteJWKSet, jwtVerify } = await import('jose');
const base = process.env.BASE;
try {
  const discovery = await (await fetch(base + '.well-known/openid-configuration')).json();
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(JSON.parse(process.env.LOGIN)),
  });
  const tokens = await response.json();
  const keys = createRemoteJWKSet(new URL(discovery.jwks_uri));
  const { payload } = await jwtVerify(tokens.id_token, keys, { issuer: discovery.issuer, audience: process.env.CLIENT_ID });
  const health = await (await fetch(base + 'health')).json();
  console.log(JSON.stringify({ ok: true, issuer: discovery.issuer, tokenEndpoint: discovery.token_endpoint, email: payload.email, health }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, code: error.cause?.code ?? error.code ?? null }));
}
`;

async function runClient(trustCa: boolean): Promise<Record<string, unknown>> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BASE: `https://localhost:${port}/`,
    CLIENT_ID: demo.clients.desktop.clientId,
    LOGIN: JSON.stringify({
      grant_type: demo.grants.passwordRealm,
      client_id: demo.clients.desktop.clientId,
      username: demo.users.alice.email,
      password: demo.users.alice.password,
      realm: demo.realms.employees,
      scope: 'openid email',
    }),
  };
  delete env['NODE_EXTRA_CA_CERTS'];
  if (trustCa) env['NODE_EXTRA_CA_CERTS'] = caFile;
  const child = spawn(process.execPath, ['--input-type=module', '-e', clientScript], { cwd: repoRoot, env });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  await once(child, 'exit');
  return JSON.parse(stdout.trim()) as Record<string, unknown>;
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'gatehouse-tls-test-'));
  const pki = await createTestPki();
  caFile = join(folder, 'ca.pem');
  await writeFile(caFile, pki.caCert);
  await writeFile(join(folder, 'cert.pem'), pki.good.cert);
  await writeFile(join(folder, 'key.pem'), pki.good.key, { mode: 0o600 });
  port = await freePort();
  // Everything but the port comes from the settings file.
  await writeFile(
    join(folder, 'gatehouse.env'),
    [
      `GATEHOUSE_DATA=${join(folder, 'data')}`,
      'GATEHOUSE_SEED=demo',
      `GATEHOUSE_ISSUER=https://localhost:${port}/`,
      `GATEHOUSE_TLS_CERT=${join(folder, 'cert.pem')}`,
      `GATEHOUSE_TLS_KEY=${join(folder, 'key.pem')}`,
      'GATEHOUSE_LOG_LEVEL=warn',
      'GATEHOUSE_KEY_ENCRYPTION_SECRET=a secret long enough for the test',
    ].join('\n'),
  );
  server = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/cli.ts', '--port', String(port), '--settings', join(folder, 'gatehouse.env')],
    { cwd: repoRoot, env: process.env },
  );
  server.stderr.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
  await new Promise<void>((ready, fail) => {
    server.stdout.on('data', (chunk: Buffer) => {
      serverOutput += chunk.toString();
      if (serverOutput.includes('Gatehouse server listening on')) ready();
    });
    server.on('exit', (code) => fail(new Error(`server exited (${code}): ${serverOutput}`)));
  });
}, 60_000);

afterAll(async () => {
  if (server.exitCode === null) server.kill('SIGKILL');
  await rm(folder, { recursive: true, force: true });
});

describe('serving HTTPS (--tls-cert/--tls-key, settings from --settings)', () => {
  it('announces an https URL', () => {
    expect(serverOutput).toContain(`Gatehouse server listening on https://127.0.0.1:${port}`);
  });

  it('works unchanged for a standard client that trusts the certificate through NODE_EXTRA_CA_CERTS', async () => {
    const outcome = await runClient(true);
    expect(outcome).toEqual({
      ok: true,
      issuer: `https://localhost:${port}/`,
      tokenEndpoint: `https://localhost:${port}/oauth/token`,
      email: demo.users.alice.email,
      health: { status: 'ok' },
    });
  });

  it('is refused by a client that does not trust the certificate', async () => {
    const outcome = await runClient(false);
    expect(outcome['ok']).toBe(false);
    expect(String(outcome['code'])).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|UNABLE_TO_GET_ISSUER_CERT/);
  });

  it('shuts down gracefully on SIGTERM', async () => {
    server.kill('SIGTERM');
    const [code] = (await once(server, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(serverOutput).toContain('Gatehouse server stopped');
  });
});
