import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateTransportError } from '../../../../main/auth/error-translation';
import { TokenClient } from '../../../../main/auth/token-client';
import { createHttpClient } from '../../../../main/net/http-client';
import { createProfileHttpClient } from '../../../../main/net/profile-http-client';
import { startOAuth2TestServer, type OAuth2TestServer } from '../../../support/oauth2-test-server/oauth2-test-server';
import { createTestPki, type ServerIdentity, type TestPki } from '../../../support/oauth2-test-server/test-pki';

// Real TLS on 127.0.0.1 with certificates generated for this run: Gatehouse must refuse every bad
// certificate with an error that names the cause, and accept a good one only through the extra CA bundle.

let pki: TestPki;
let dir: string;
const servers: Server[] = [];
const urls = new Map<string, string>();

async function serve(name: string, identity: ServerIdentity): Promise<void> {
  const server = createServer(identity, (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end('{"hello":"tls"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  urls.set(name, `https://127.0.0.1:${(server.address() as AddressInfo).port}/`);
}

beforeAll(async () => {
  pki = await createTestPki();
  dir = await mkdtemp(join(tmpdir(), 'gatehouse-tls-'));
  await Promise.all([
    serve('good', pki.good),
    serve('expired', pki.expired),
    serve('wrongHost', pki.wrongHost),
    serve('selfSigned', pki.selfSigned),
  ]);
});
afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await rm(dir, { recursive: true, force: true });
});

const url = (name: string) => urls.get(name) ?? '';

/** A GET through the factory; the outcome as the token client would see it. */
async function fetchWith(extraCaCertificates: string[], target: string) {
  const http = createHttpClient({ userAgent: 'Gatehouse/test', timeoutMs: 5000, extraCaCertificates });
  try {
    const response = await http.get<string>(target);
    return { status: response.status, body: response.data };
  } catch (error) {
    return translateTransportError(error, target);
  }
}

describe('TLS verification (always on)', () => {
  it.each([
    ['selfSigned', /self-signed/, 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    ['expired', /certificate has expired/, 'CERT_HAS_EXPIRED'],
    ['wrongHost', /for a different host name/, 'ERR_TLS_CERT_ALTNAME_INVALID'],
  ])('refuses a %s certificate, even with the test CA trusted, and names the cause', async (name, cause, code) => {
    const outcome = await fetchWith([pki.caCert], url(name));
    expect(outcome).toMatchObject({ code: 'tls', message: expect.stringMatching(cause), detail: { error: code } });
    expect((outcome as { message: string }).message).toContain('127.0.0.1');
  });

  it('refuses a certificate from a CA that is not trusted', async () => {
    expect(await fetchWith([], url('good'))).toMatchObject({
      code: 'tls',
      message: expect.stringMatching(/not signed by a trusted authority/),
    });
    expect(await fetchWith([pki.otherCaCert], url('good'))).toMatchObject({ code: 'tls' });
  });

  it('accepts the good certificate when the test CA is supplied as the extra bundle', async () => {
    expect(await fetchWith([pki.caCert], url('good'))).toEqual({ status: 200, body: '{"hello":"tls"}' });
  });

  it('accepts a bundle of several CAs, one of which signed the leaf', async () => {
    expect(await fetchWith([pki.otherCaCert, pki.caCert], url('good'))).toMatchObject({ status: 200 });
  });

  it('cannot be switched off by NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment', async () => {
    const previous = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    try {
      expect(await fetchWith([], url('selfSigned'))).toMatchObject({ code: 'tls' });
    } finally {
      if (previous === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previous;
    }
  });
});

describe('the profile’s and the policy’s CA bundles', () => {
  let generic: OAuth2TestServer;
  beforeAll(async () => {
    generic = await startOAuth2TestServer({ tls: pki.good });
  });
  afterAll(() => generic.close());

  const signIn = async (http: ReturnType<typeof createHttpClient>) =>
    new TokenClient({
      http,
      clientId: 'generic-public',
      clientAuth: { method: 'none' },
      kind: 'oauth2',
      endpoints: { token: `${generic.issuerOf('employees')}/protocol/openid-connect/token` },
    }).passwordGrant({ realm: null, username: 'alice', password: 'alice-generic-pass', scope: 'openid' });

  it('signs in over TLS with the test CA from the profile’s bundle file', async () => {
    const bundle = join(dir, 'profile-ca.pem');
    await writeFile(bundle, pki.caCert);
    const http = await createProfileHttpClient(
      { timeoutMs: 5000, caBundlePath: bundle },
      { userAgent: 'Gatehouse/test' },
    );
    if (!http.ok) throw new Error(http.error.message);
    const result = await signIn(http.value);
    expect(result.ok && result.value.tokenType).toBe('bearer');
  });

  it('signs in with the CA from the managed policy’s list of bundles', async () => {
    const bundle = join(dir, 'policy-ca.pem');
    await writeFile(bundle, `${pki.otherCaCert}\n${pki.caCert}`);
    const http = await createProfileHttpClient(
      { timeoutMs: 5000 },
      { userAgent: 'Gatehouse/test', policyCaBundlePaths: [bundle] },
    );
    expect(http.ok && (await signIn(http.value)).ok).toBe(true);
  });

  it('refuses the same sign-in without the bundle, with a tls error', async () => {
    const http = await createProfileHttpClient({ timeoutMs: 5000 }, { userAgent: 'Gatehouse/test' });
    const result = http.ok ? await signIn(http.value) : http;
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'tls', message: expect.stringMatching(/trusted authority/) },
    });
  });

  it('fails clearly when the bundle file is missing, instead of trusting less', async () => {
    const http = await createProfileHttpClient(
      { timeoutMs: 5000, caBundlePath: join(dir, 'missing.pem') },
      { userAgent: 'x' },
    );
    expect(http).toMatchObject({ ok: false, error: { code: 'tls', message: expect.stringMatching(/missing\.pem/) } });
  });
});
