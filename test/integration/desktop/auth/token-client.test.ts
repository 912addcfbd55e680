import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenEndpoint } from '../../../../main/auth/token-endpoint';
import { OAuthTransport } from '../../../../main/auth/oauth-transport';
import { demo } from '../../../support/server/demo-tenant';
import { startTestServer, type TestServer } from '../../../support/server/start-test-server';
import { clientFor, testNetwork } from './reference-clients';

// Every grant of the token client against the real reference server over HTTP.

let server: TestServer;
const network = testNetwork();
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const desktop = () => clientFor(network, { issuer: server.issuer, clientId: demo.clients.desktop.clientId });
const alice = demo.users.alice;
const fullScope = 'openid profile email offline_access';

type Client = ReturnType<typeof desktop>;

/** Alice's password-realm sign-in through `client` (employees), with `scope`; throws on any failure. */
async function aliceSignsIn(client: Client, scope: string) {
  return unwrap(
    await client.passwordGrant({ realm: 'employees', username: alice.email, password: alice.password, scope }),
  );
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('password and password-realm grants', () => {
  it('signs in with the password grant (no realm: the tenant’s default directory)', async () => {
    const tokens = unwrap(
      await desktop().passwordGrant({ realm: null, username: alice.email, password: alice.password, scope: fullScope }),
    );
    expect(tokens.tokenType).toBe('Bearer');
    expect(tokens.refreshToken).toMatch(/^v1\./);
    expect(decodeJwt(tokens.idToken ?? '')).toMatchObject({
      iss: server.issuer,
      aud: 'gatehouse-desktop',
      email: alice.email,
    });
    expect(decodeJwt(tokens.accessToken)).toMatchObject({ gty: 'password', azp: 'gatehouse-desktop' });
    expect(tokens.expiresAt).toBeGreaterThan(Date.now());
    expect(tokens.clockSkew).toBeUndefined();
  });

  it('signs in with password-realm to the named connection', async () => {
    const tokens = unwrap(
      await desktop().passwordGrant({
        realm: 'contractors',
        username: demo.users.bob.email,
        password: demo.users.bob.password,
        scope: 'openid',
      }),
    );
    expect(decodeJwt(tokens.idToken ?? '').email).toBe(demo.users.bob.email);
  });

  it('sends the audience, so the access token is for that API', async () => {
    const tokens = unwrap(
      await desktop().passwordGrant({
        realm: 'employees',
        username: alice.email,
        password: alice.password,
        audience: demo.audience,
        scope: 'openid read:reports',
      }),
    );
    expect(decodeJwt(tokens.accessToken).aud).toContain(demo.audience);
    expect(tokens.scope).toContain('read:reports');
  });

  it('authenticates a confidential client with client_secret_post and with client_secret_basic', async () => {
    for (const clientAuth of ['client_secret_post', 'client_secret_basic'] as const) {
      const backend = clientFor(
        network,
        { issuer: server.issuer, clientId: demo.clients.backend.clientId, clientAuth },
        demo.clients.backend.secret,
      );
      const tokens = await aliceSignsIn(backend, 'openid');
      expect(decodeJwt(tokens.idToken ?? '').aud).toBe('gatehouse-backend');
    }
  });

  it('adds the profile’s extra parameters, but never over the grant’s own', async () => {
    const client = clientFor(network, {
      issuer: server.issuer,
      clientId: demo.clients.desktop.clientId,
      extraParams: { realm: 'contractors', username: 'mallory', audience: demo.audience },
    });
    const tokens = await aliceSignsIn(client, 'openid');
    // The audience was sent (the grant set none), the realm and username were not replaced.
    expect(decodeJwt(tokens.accessToken).aud).toContain(demo.audience);
    expect(decodeJwt(tokens.idToken ?? '').email).toBe(alice.email);
  });
});

describe('refresh and revoke', () => {
  it('refreshes with rotation, and the rotated-out token is refused afterwards', async () => {
    const client = desktop();
    const first = await aliceSignsIn(client, fullScope);
    const second = unwrap(await client.refresh(first.refreshToken ?? ''));
    expect(second.refreshToken).toMatch(/^v1\./);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(await client.refresh(first.refreshToken ?? '')).toMatchObject({
      ok: false,
      error: { code: 'session_expired' },
    });
  });

  it('refuses a wider scope on refresh with invalid_scope (§2 row 19, RFC 6749 §6)', async () => {
    const client = desktop();
    const tokens = await aliceSignsIn(client, 'openid offline_access');
    expect(await client.refresh(tokens.refreshToken ?? '', 'openid offline_access delete:everything')).toMatchObject({
      ok: false,
      error: { code: 'invalid_scope' },
    });
  });

  it('revokes, after which the refresh token is refused with session_expired', async () => {
    const client = desktop();
    const tokens = await aliceSignsIn(client, fullScope);
    expect(await client.revoke(tokens.refreshToken ?? '')).toEqual({ ok: true, value: undefined });
    expect(await client.refresh(tokens.refreshToken ?? '')).toMatchObject({
      ok: false,
      error: {
        code: 'session_expired',
        detail: { status: 403, error: 'invalid_grant', errorDescription: 'Unknown or invalid refresh token.' },
      },
    });
  });
});

describe('client credentials (admin M2M) and userinfo', () => {
  it('gets a Management API token for gatehouse-admin-m2m with its secret', async () => {
    const m2m = clientFor(
      network,
      { issuer: server.issuer, clientId: demo.clients.adminM2m.clientId, clientAuth: 'client_secret_post' },
      demo.clients.adminM2m.secret,
    );
    const tokens = unwrap(await m2m.clientCredentials({ audience: `${server.issuer}api/v2/` }));
    expect(decodeJwt(tokens.accessToken)).toMatchObject({ aud: `${server.issuer}api/v2/`, gty: 'client-credentials' });
    expect(tokens.scope).toContain('read:users');
    expect(tokens.refreshToken).toBeUndefined();
  });

  it('refuses client credentials with a wrong secret as a client problem', async () => {
    const m2m = clientFor(
      network,
      { issuer: server.issuer, clientId: demo.clients.adminM2m.clientId, clientAuth: 'client_secret_post' },
      'wrong',
    );
    expect(await m2m.clientCredentials({ audience: `${server.issuer}api/v2/` })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized_client' },
    });
  });

  it('reads userinfo with the access token', async () => {
    const client = desktop();
    const tokens = await aliceSignsIn(client, 'openid email');
    expect(unwrap(await client.userinfo(tokens.accessToken))).toMatchObject({
      sub: expect.stringMatching(/^auth0\|/),
      email: alice.email,
    });
  });

  it('answers userinfo with a bad token as invalid_token', async () => {
    expect(await desktop().userinfo('not-a-token')).toMatchObject({
      ok: false,
      error: { code: 'invalid_token', detail: { status: 401 } },
    });
  });
});

describe('clock skew', () => {
  it('notices that the server’s tokens are stamped 10 minutes ahead of this computer', async () => {
    const skewed = await startTestServer({ clock: () => Date.now() + 10 * 60_000 });
    try {
      const client = clientFor(network, { issuer: skewed.issuer, clientId: demo.clients.desktop.clientId });
      const tokens = await aliceSignsIn(client, 'openid');
      expect(tokens.clockSkew).toMatchObject({
        code: 'clock_skew',
        message: expect.stringMatching(/10 minutes ahead of this computer’s clock/),
      });
    } finally {
      await skewed.close();
    }
  });
});

describe('a grant the server does not know', () => {
  it('is unsupported_grant_type (§2 row 20)', async () => {
    const endpoint = new TokenEndpoint({
      transport: new OAuthTransport({
        http: network.http,
        clientId: 'gatehouse-desktop',
        clientAuth: { method: 'none' },
        clock: Date.now,
      }),
      endpoints: async () => ({ ok: true, value: { token: `${server.issuer}oauth/token` } }),
    });
    const answer = await endpoint.request({ grant_type: 'urn:example:no-such-grant' }, 'sign-in', null);
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'unsupported_grant_type', detail: { status: 400, errorDescription: 'Grant type not supported' } },
    });
  });
});
