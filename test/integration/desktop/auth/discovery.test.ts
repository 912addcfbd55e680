import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscoveryCache, resolveEndpoints } from '../../../../main/auth/server-endpoints';
import { createHttpClient } from '../../../../main/net/http-client';
import { Profile } from '../../../../main/settings/profile';
import { demo } from '../../../support/server/demo-tenant';
import { startTestServer, type TestServer } from '../../../support/server/start-test-server';
import { clientFor, testNetwork } from './reference-clients';

// OIDC discovery for `oauth2` profiles, against the reference server's real document and a hand-made
// one that tries to send credentials for an https issuer to plain http.

let reference: TestServer;
let fake: Server;
let fakeUrl: string;
let fakeHits = 0;
beforeAll(async () => {
  reference = await startTestServer();
  fake = createServer((_request, response) => {
    fakeHits += 1;
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(
      JSON.stringify({
        issuer: 'https://sso.example.com/',
        token_endpoint: 'http://sso.example.com/token',
        jwks_uri: 'https://sso.example.com/jwks',
      }),
    );
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/.well-known/openid-configuration`;
});
afterAll(async () => {
  fake.closeAllConnections();
  await new Promise((resolve) => fake.close(resolve));
  await reference.close();
});

const oauth2Profile = (fields: Record<string, unknown>) =>
  Profile.parse({
    id: 'disc',
    name: 'Discovery',
    kind: 'oauth2',
    clientId: 'gatehouse-desktop',
    issuer: reference.issuer,
    ...fields,
  });

describe('discovery', () => {
  it('reads the reference server’s document: token, revocation, userinfo, JWKS and the MFA API', async () => {
    const endpoints = await resolveEndpoints(
      oauth2Profile({}),
      new DiscoveryCache(createHttpClient({ userAgent: 'x' })),
    );
    expect(endpoints).toEqual({
      ok: true,
      value: {
        token: `${reference.issuer}oauth/token`,
        revocation: `${reference.issuer}oauth/revoke`,
        userinfo: `${reference.issuer}userinfo`,
        jwks: `${reference.issuer}.well-known/jwks.json`,
        mfa: `${reference.issuer}mfa/`,
      },
    });
  });

  it('signs in to the reference server as a generic RFC 6749 server (password grant, no realm)', async () => {
    const client = clientFor(testNetwork(), {
      kind: 'oauth2',
      issuer: reference.issuer,
      clientId: demo.clients.desktop.clientId,
    });
    const tokens = await client.passwordGrant({
      realm: null,
      username: demo.users.alice.email,
      password: demo.users.alice.password,
      scope: 'openid',
    });
    expect(tokens.ok && tokens.value.tokenType).toBe('Bearer');
  });

  it('refuses to send credentials for an https issuer to an http endpoint', async () => {
    const profile = oauth2Profile({ issuer: 'https://sso.example.com/', discoveryUrl: fakeUrl });
    const result = await resolveEndpoints(profile, new DiscoveryCache(createHttpClient({ userAgent: 'x' })));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'discovery_failed', message: expect.stringMatching(/plain http/) },
    });
  });

  it('caches a document per profile, refetches after the TTL or a URL change, and never caches a failure', async () => {
    let now = 0;
    const cache = new DiscoveryCache(createHttpClient({ userAgent: 'x' }), { clock: () => now, ttlMs: 1000 });
    const profile = oauth2Profile({ id: 'cached', issuer: 'https://sso.example.com/', discoveryUrl: fakeUrl });
    const before = fakeHits;
    await Promise.all([cache.endpoints(profile), cache.endpoints(profile)]);
    // A failed document (it is refused above) is fetched again: failures are not remembered.
    expect(fakeHits - before).toBe(1);
    await cache.endpoints(profile);
    expect(fakeHits - before).toBe(2);

    const good = oauth2Profile({ id: 'good' });
    const first = cache.endpoints(good);
    expect(cache.endpoints(good)).toBe(first);
    await first;
    expect(cache.endpoints(good)).toBe(first);
    now = 2000;
    expect(cache.endpoints(good)).not.toBe(first);
    const moved = cache.endpoints({ ...good, discoveryUrl: `${reference.issuer}.well-known/openid-configuration?v=2` });
    expect(moved).not.toBe(first);
    cache.invalidate('good');
    expect(cache.endpoints(good)).not.toBe(moved);
  });
});
