import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../support/server/demo-tenant';
import { cheapArgon2 } from '../../support/server/cheap-hasher';
import { postForm } from '../../support/server/http';
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

async function accessToken(target: TestServer, who: keyof typeof demo.users, scope?: string): Promise<string> {
  const user = demo.users[who];
  const response = await postForm(`${target.url}/oauth/token`, {
    grant_type: demo.grants.passwordRealm,
    client_id: demo.clients.desktop.clientId,
    username: user.email,
    password: user.password,
    realm: user.realm,
    ...(scope !== undefined && { scope }),
  });
  expect(response.status).toBe(200);
  return String(response.json['access_token']);
}

async function userinfo(token: string | undefined, method: 'GET' | 'POST' = 'GET') {
  const response = await fetch(`${server.url}/userinfo`, {
    method,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: JSON.parse(text) as Record<string, unknown> };
}

describe('GET /userinfo (auth0-wire.md §5.3)', () => {
  it('returns the claims the token’s scopes allow', async () => {
    const response = await userinfo(await accessToken(server, 'alice', 'openid profile email'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.json).toEqual({
      sub: expect.stringMatching(/^auth0\|[0-9a-f]{24}$/),
      name: 'Alice Example',
      nickname: 'alice',
      updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      email: 'alice@example.com',
      email_verified: true,
    });
  });

  it('answers POST the same way (OIDC Core §5.3.1)', async () => {
    const token = await accessToken(server, 'bob', 'openid email');
    const response = await userinfo(token, 'POST');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ sub: expect.any(String), email: 'bob@example.com', email_verified: true });
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
