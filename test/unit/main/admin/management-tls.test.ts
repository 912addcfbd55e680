import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../../../../common/result';
import { ClientCredentialsCache } from '../../../../main/admin/management-credentials';
import { ManagementClient } from '../../../../main/admin/management-client';
import { createHttpClient } from '../../../../main/net/http-client';
import { createTestPki, type ServerIdentity, type TestPki } from '../../../support/oauth2-test-server/test-pki';

// Admin calls go through the same TLS rules as sign-in: verification always on, and a profile's extra CA
// bundle (a corporate TLS proxy) trusted in addition to Node's own roots. Certificates are made here.
let pki: TestPki;
const servers: Server[] = [];

beforeAll(async () => {
  pki = await createTestPki();
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
});

async function tlsServer(identity: ServerIdentity): Promise<string> {
  const server = createServer(identity, (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end('[]');
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `https://localhost:${(server.address() as AddressInfo).port}/`;
}

function clientFor(issuer: string, extraCaCertificates: string[] = []) {
  const credentials = new ClientCredentialsCache(async () =>
    ok({ accessToken: 't', tokenType: 'Bearer', expiresAt: Date.now() + 60_000 }),
  ).credentials();
  const http = createHttpClient({ userAgent: 'Gatehouse/unit', timeoutMs: 5000, extraCaCertificates });
  return new ManagementClient({ http, issuer, credentials });
}

describe('Management API calls over TLS', () => {
  it('refuses a self-signed certificate and names the cause', async () => {
    const issuer = await tlsServer(pki.selfSigned);
    expect(await clientFor(issuer).rules.history('rul_1')).toMatchObject({
      ok: false,
      error: { code: 'tls', message: expect.stringMatching(/self-signed/) },
    });
  });

  it('refuses a certificate for another host, even from the trusted test CA', async () => {
    const issuer = await tlsServer(pki.wrongHost);
    expect(await clientFor(issuer, [pki.caCert]).rules.history('rul_1')).toMatchObject({
      ok: false,
      error: { code: 'tls', message: expect.stringMatching(/different host name/) },
    });
  });

  it('accepts the server once the profile’s CA bundle names its authority', async () => {
    const issuer = await tlsServer(pki.good);
    expect(await clientFor(issuer).rules.history('rul_1')).toMatchObject({ ok: false, error: { code: 'tls' } });
    expect(await clientFor(issuer, [pki.caCert]).rules.history('rul_1')).toEqual(ok([]));
  });
});
