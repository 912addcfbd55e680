import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../support/server/demo-tenant';
import { cheapArgon2 } from '../../support/server/cheap-hasher';
import { addPostLoginAction, adminClient } from '../../support/server/extensibility-admin';
import { decodePayload, postForm } from '../../support/server/http';
import { managementClient, managementToken } from '../../support/server/management';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';
import { createTestClock, SECOND } from '../../support/server/test-clock';

const clock = createTestClock();
let server: TestServer;
let other: TestServer;

beforeAll(async () => {
  const passwordHasher = await cheapArgon2();
  server = await startTestServer({ clock: clock.now, server: { passwordHasher } });
  other = await startTestServer({ server: { passwordHasher } });
});
afterAll(async () => {
  await server.close();
  await other.close();
});

async function signIn(
  target: TestServer,
  who: keyof typeof demo.users,
  scope?: string,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const user = demo.users[who];
  const response = await postForm(
    `${target.url}/oauth/token`,
    {
      grant_type: demo.grants.passwordRealm,
      client_id: demo.clients.desktop.clientId,
      username: user.email,
      password: user.password,
      realm: user.realm,
      ...(scope !== undefined && { scope }),
    },
    headers,
  );
  expect(response.status).toBe(200);
  return response.json;
}

async function accessToken(target: TestServer, who: keyof typeof demo.users, scope?: string): Promise<string> {
  return String((await signIn(target, who, scope))['access_token']);
}

/** The namespaced claims the demo rule adds to both tokens (demo-tenant.md "Rules"). */
const DEMO_REALM = 'https://gatehouse.test/realm';
const DEMO_ROLES = 'https://gatehouse.test/roles';

async function userinfo(token: string | undefined, method: 'GET' | 'POST' = 'GET') {
  const response = await fetch(`${server.url}/userinfo`, {
    method,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: JSON.parse(text) as Record<string, unknown> };
}

describe('GET /userinfo (auth0-wire.md §5.3)', () => {
  it('returns the claims the token’s scopes allow, and the custom claims of the ID token issued with it', async () => {
    const tokens = await signIn(server, 'alice', 'openid profile email');
    const idToken = decodePayload(tokens['id_token']);
    const response = await userinfo(String(tokens['access_token']));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.json).toEqual({
      sub: expect.stringMatching(/^auth0\|[0-9a-f]{24}$/),
      name: 'Alice Example',
      nickname: 'alice',
      updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      email: 'alice@example.com',
      email_verified: true,
      [DEMO_REALM]: 'employees',
      [DEMO_ROLES]: idToken[DEMO_ROLES],
    });
    expect(idToken[DEMO_ROLES]).toEqual(expect.any(Array));
  });

  it('answers POST the same way (OIDC Core §5.3.1)', async () => {
    const token = await accessToken(server, 'bob', 'openid email');
    const response = await userinfo(token, 'POST');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      sub: expect.any(String),
      email: 'bob@example.com',
      email_verified: true,
      [DEMO_REALM]: 'contractors',
      [DEMO_ROLES]: expect.any(Array),
    });
  });

  it('refuses an API token without openid (its aud does not name /userinfo) with 401 invalid_token', async () => {
    const response = await userinfo(await accessToken(server, 'alice', 'read:reports'));
    expect(response.status).toBe(401);
    expect(response.json['error']).toBe('invalid_token');
  });

  it('refuses a missing, malformed or tampered token with 401 invalid_token and a Bearer challenge', async () => {
    const token = await accessToken(server, 'alice', 'openid');
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), sub: 'auth0|someone-else' }),
    ).toString('base64url');
    for (const candidate of [undefined, 'not-a-jwt', `${header}.${forged}.${signature}`]) {
      const response = await userinfo(candidate);
      expect(response.status).toBe(401);
      expect(response.json['error']).toBe('invalid_token');
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="[^"]+", error="invalid_token"/);
    }
  });

  it('refuses an expired token, a token for another audience, and another server’s token', async () => {
    const expiring = await accessToken(server, 'alice', 'openid');
    const m2m = await managementToken(server, 'm2m');
    const foreign = await accessToken(other, 'alice', 'openid');
    for (const candidate of [m2m, foreign]) expect((await userinfo(candidate)).status).toBe(401);

    clock.advance(600 * SECOND + 61 * SECOND); // the Reports API's 600 s, plus the 60 s skew allowance
    expect((await userinfo(expiring)).status).toBe(401);
  });

  it('stops answering for a user an admin has blocked', async () => {
    const token = await accessToken(server, 'bob', 'openid');
    expect((await userinfo(token)).status).toBe(200);
    const sub = String((await userinfo(token)).json['sub']);
    const admin = managementClient(server, await managementToken(server, 'm2m'));
    expect((await admin.patch(`/users/${encodeURIComponent(sub)}`, { blocked: true })).status).toBe(200);
    expect((await userinfo(token)).status).toBe(401);
  });
});

describe('/userinfo and the claims of rules and actions (auth0-wire.md §5.3)', () => {
  it('answers each access token with the custom ID-token claims issued with it, not with access-token-only ones', async () => {
    await addPostLoginAction(await adminClient(server), {
      name: 'userinfo probe',
      code: `exports.onExecutePostLogin = async (event, api) => {
        if (!String(event.request.user_agent).startsWith('probe-')) return;
        api.idToken.setCustomClaim('https://x.test/login', event.request.user_agent);
        api.accessToken.setCustomClaim('https://x.test/api-only', true);
      };`,
    });
    const first = await signIn(server, 'admin', 'openid', { 'user-agent': 'probe-first' });
    // Two logins in the same second with the same scopes get the very same access token (RS256 is
    // deterministic and Auth0's tokens carry no jti), so let the clock move on.
    clock.advance(SECOND);
    const second = await signIn(server, 'admin', 'openid', { 'user-agent': 'probe-second' });
    expect(decodePayload(first['access_token'])['https://x.test/api-only']).toBe(true);

    const [one, two] = [await userinfo(String(first['access_token'])), await userinfo(String(second['access_token']))];
    expect(one.json['https://x.test/login']).toBe('probe-first');
    expect(two.json['https://x.test/login']).toBe('probe-second');
    expect(one.json).not.toHaveProperty('https://x.test/api-only');
    expect(one.json[DEMO_REALM]).toBe('employees');

    // A token minted without the probe carries only what its own login added.
    const plain = await userinfo(await accessToken(server, 'admin', 'openid'));
    expect(plain.json).not.toHaveProperty('https://x.test/login');
    expect(plain.json[DEMO_REALM]).toBe('employees');
  });

  it('answers a refreshed access token with the claims the scripts added on that refresh', async () => {
    const login = await signIn(server, 'admin', 'openid offline_access', { 'user-agent': 'probe-login' });
    const refreshed = await postForm(
      `${server.url}/oauth/token`,
      {
        grant_type: 'refresh_token',
        client_id: demo.clients.desktop.clientId,
        refresh_token: String(login['refresh_token']),
      },
      { 'user-agent': 'probe-refresh' },
    );
    expect(refreshed.status).toBe(200);
    expect(decodePayload(refreshed.json['id_token'])['https://x.test/login']).toBe('probe-refresh');
    const response = await userinfo(String(refreshed.json['access_token']));
    expect(response.json['https://x.test/login']).toBe('probe-refresh');
    expect((await userinfo(String(login['access_token']))).json['https://x.test/login']).toBe('probe-login');
  });
});

describe('/userinfo rate limit (auth0-wire.md §5.3; Auth0: bursts of 10, then 5 a minute per user)', () => {
  it('sends X-RateLimit-* on every answer and 429 too_many_requests once the user’s budget is spent', async () => {
    const token = await accessToken(server, 'support', 'openid');
    const started = Math.floor(clock.now() / 1000);
    for (let i = 0; i < 10; i += 1) {
      const response = await userinfo(token);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-limit')).toBe('10');
      expect(response.headers.get('x-ratelimit-remaining')).toBe(String(9 - i));
      expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(started);
    }
    const refused = await userinfo(token);
    expect(refused.status).toBe(429);
    expect(refused.json['error']).toBe('too_many_requests');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('retry-after')).toBe('12');
    expect(refused.headers.get('cache-control')).toBe('no-store');

    // Another user has a budget of their own.
    expect((await userinfo(await accessToken(server, 'alice', 'openid'))).status).toBe(200);

    clock.advance(12 * SECOND);
    expect((await userinfo(token)).status).toBe(200);
    expect((await userinfo(token)).status).toBe(429);
  });
});
