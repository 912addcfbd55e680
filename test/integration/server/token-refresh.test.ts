import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../support/server/demo-tenant';
import { desktopRefresh } from '../../support/server/desktop-grants';
import { basicAuth, decodePayload, postForm, postJson } from '../../support/server/http';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';
import type { TestClock } from '../../support/server/test-clock';
import { createTestClock, DAY, SECOND } from '../../support/server/test-clock';

let server: TestServer;
let clock: TestClock;
let tokenUrl: string;

beforeAll(async () => {
  clock = createTestClock();
  server = await startTestServer({ clock: clock.now });
  tokenUrl = `${server.url}/oauth/token`;
});
afterAll(() => server.close());

const { alice } = demo.users;
const desktop = demo.clients.desktop.clientId;
const invalidRefresh = { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' };

async function login(scope = 'openid profile email offline_access read:reports write:reports'): Promise<string> {
  const response = await postForm(tokenUrl, {
    grant_type: demo.grants.passwordRealm,
    client_id: desktop,
    username: alice.email,
    password: alice.password,
    realm: demo.realms.employees,
    scope,
  });
  expect(response.status).toBe(200);
  return String(response.json['refresh_token']);
}

const refresh = (refreshToken: string, extra: Record<string, string> = {}) =>
  desktopRefresh(server, refreshToken, extra);

describe('refresh_token grant', () => {
  it('rotates: returns new tokens and a different refresh token', async () => {
    const first = await login();
    const response = await refresh(first);

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('pragma')).toBe('no-cache');
    expect(response.json['refresh_token']).toMatch(/^v1\./);
    expect(response.json['refresh_token']).not.toBe(first);
    expect(response.json['id_token']).toEqual(expect.any(String));
    expect(response.json['scope']).toBe('openid profile email offline_access read:reports write:reports');
    const access = decodePayload(response.json['access_token']);
    expect(access['gty']).toEqual(['refresh_token', 'password']);
    expect(access['iss']).toBe(server.issuer);
    expect(access['azp']).toBe(desktop);
  });

  it('refuses an already-rotated token and revokes the whole family, newest token included', async () => {
    const first = await login();
    const second = String((await refresh(first)).json['refresh_token']);

    const reuse = await refresh(first);
    expect(reuse.status).toBe(403);
    expect(reuse.json).toEqual(invalidRefresh);

    const newest = await refresh(second);
    expect(newest.status).toBe(403);
    expect(newest.json).toEqual(invalidRefresh);
  });

  it('leaves other families of the same user alone when one is revoked for reuse', async () => {
    const otherSession = await login();
    const first = await login();
    await refresh(first);
    await refresh(first);

    expect((await refresh(otherSession)).status).toBe(200);
  });

  it('allows a narrower scope and keeps the full scope for the next refresh', async () => {
    const first = await login();
    const narrow = await refresh(first, { scope: 'read:reports' });

    expect(narrow.status).toBe(200);
    expect(narrow.json['scope']).toBe('read:reports');
    expect(narrow.json['id_token']).toBeUndefined();
    expect(decodePayload(narrow.json['access_token'])['aud']).toBe(demo.audience);

    const full = await refresh(String(narrow.json['refresh_token']));
    expect(full.json['scope']).toBe('openid profile email offline_access read:reports write:reports');
  });

  it('refuses a wider scope without spending the refresh token', async () => {
    const first = await login('openid offline_access read:reports');
    const wider = await refresh(first, { scope: 'openid read:reports write:reports' });

    expect(wider.status).toBe(400);
    expect(wider.json['error']).toBe('invalid_scope');
    expect((await refresh(first)).status).toBe(200);
  });

  it('refuses an unknown token and a token presented by another client', async () => {
    const unknown = await refresh('v1.not-a-real-token');
    expect(unknown.status).toBe(403);
    expect(unknown.json).toEqual(invalidRefresh);

    const aliceToken = await login();
    const stolen = await postForm(
      tokenUrl,
      { grant_type: demo.grants.refreshToken, refresh_token: aliceToken },
      { authorization: basicAuth(demo.clients.backend.clientId, demo.clients.backend.secret) },
    );
    expect(stolen.status).toBe(403);
    expect(stolen.json).toEqual(invalidRefresh);
    // The owner's family is untouched by someone else presenting it.
    expect((await refresh(aliceToken)).status).toBe(200);
  });

  it('requires refresh_token', async () => {
    const response = await postForm(tokenUrl, { grant_type: demo.grants.refreshToken, client_id: desktop });
    expect(response.status).toBe(400);
    expect(response.json['error_description']).toBe('Missing required parameter: refresh_token');
  });

  it('issues no refresh token when offline_access is not requested', async () => {
    const response = await postForm(tokenUrl, {
      grant_type: demo.grants.passwordRealm,
      client_id: desktop,
      username: alice.email,
      password: alice.password,
      realm: demo.realms.employees,
      scope: 'openid',
    });
    expect(response.json['refresh_token']).toBeUndefined();
  });
});

describe('refresh token lifetimes (injected clock)', () => {
  it('works until the 30-day idle lifetime runs out and refuses the token after it', async () => {
    const used = await login();
    clock.advance(30 * DAY - SECOND);
    expect((await refresh(used)).status).toBe(200);

    const unused = await login();
    clock.advance(30 * DAY);
    const idle = await refresh(unused);
    expect(idle.status).toBe(403);
    expect(idle.json).toEqual(invalidRefresh);
  });

  it('expires 30 days after login however often it is used (absolute lifetime)', async () => {
    let token = await login();
    for (let day = 0; day < 3; day += 1) {
      clock.advance(9 * DAY);
      const response = await refresh(token);
      expect(response.status).toBe(200);
      token = String(response.json['refresh_token']);
    }
    clock.advance(3 * DAY);
    const expired = await refresh(token);
    expect(expired.status).toBe(403);
    expect(expired.json).toEqual(invalidRefresh);
  });
});

describe('/oauth/revoke', () => {
  const revokeUrl = () => `${server.url}/oauth/revoke`;

  it('revokes a refresh token so the next refresh fails', async () => {
    const token = await login();
    const revoked = await postForm(revokeUrl(), { client_id: desktop, token });

    expect(revoked.status).toBe(200);
    expect(revoked.text).toBe('');
    expect(revoked.headers.get('cache-control')).toBe('no-store');
    const after = await refresh(token);
    expect(after.status).toBe(403);
    expect(after.json).toEqual(invalidRefresh);
  });

  it('revoking an already-rotated token ends the whole sign-in', async () => {
    const first = await login();
    const second = String((await refresh(first)).json['refresh_token']);

    expect((await postForm(revokeUrl(), { client_id: desktop, token: first })).status).toBe(200);
    expect((await refresh(second)).status).toBe(403);
  });

  it("accepts Auth0's JSON body and answers 200 for unknown tokens", async () => {
    const response = await postJson(revokeUrl(), { client_id: desktop, token: 'v1.unknown' });
    expect(response.status).toBe(200);
  });

  it("does not revoke another client's token but still answers 200", async () => {
    const token = await login();
    const response = await postJson(revokeUrl(), {
      client_id: demo.clients.backend.clientId,
      client_secret: demo.clients.backend.secret,
      token,
    });

    expect(response.status).toBe(200);
    expect((await refresh(token)).status).toBe(200);
  });

  it('requires client authentication and the token parameter', async () => {
    const badSecret = await postForm(revokeUrl(), {
      client_id: demo.clients.backend.clientId,
      client_secret: 'guess',
      token: 'v1.x',
    });
    expect(badSecret.status).toBe(401);
    expect(badSecret.json['error']).toBe('invalid_client');

    const noToken = await postForm(revokeUrl(), { client_id: desktop });
    expect(noToken.status).toBe(400);
    expect(noToken.json).toEqual({ error: 'invalid_request', error_description: 'Missing required parameter: token' });

    const noClient = await postForm(revokeUrl(), { token: 'v1.x' });
    expect(noClient.status).toBe(400);
    expect(noClient.json['error_description']).toBe('Missing required parameter: client_id');
  });
});
