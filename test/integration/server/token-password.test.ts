import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../support/server/demo-tenant';
import { decodePayload, postForm, postJson } from '../../support/server/http';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';

let server: TestServer;
let tokenUrl: string;

beforeAll(async () => {
  server = await startTestServer();
  tokenUrl = `${server.url}/oauth/token`;
});
afterAll(() => server.close());

const { alice, bob } = demo.users;

function aliceRealmLogin(extra: Record<string, string> = {}) {
  return postForm(tokenUrl, {
    grant_type: demo.grants.passwordRealm,
    client_id: demo.clients.desktop.clientId,
    username: alice.email,
    password: alice.password,
    realm: demo.realms.employees,
    ...extra,
  });
}

describe('password-realm grant, success', () => {
  it('signs alice in and returns RS256 tokens whose kid is in the JWKS and whose iss is the issuer', async () => {
    const response = await aliceRealmLogin({ scope: 'openid profile email offline_access' });

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('pragma')).toBe('no-cache');
    expect(Object.keys(response.json).sort()).toEqual(
      ['access_token', 'expires_in', 'id_token', 'refresh_token', 'scope', 'token_type'].sort(),
    );
    expect(response.json['token_type']).toBe('Bearer');
    expect(response.json['expires_in']).toBe(600);
    expect(response.json['scope']).toBe('openid profile email offline_access read:reports write:reports');
    expect(response.json['refresh_token']).toMatch(/^v1\.[A-Za-z0-9_-]{43}$/);

    const jwks = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`));
    const access = await jwtVerify(String(response.json['access_token']), jwks, {
      issuer: server.issuer,
      audience: demo.audience,
      algorithms: ['RS256'],
    });
    expect(access.protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(access.payload.iss).toBe(server.issuer);
    expect(access.payload.iss?.endsWith('/')).toBe(true);
    expect(access.payload.sub).toMatch(/^auth0\|[0-9a-f]{24}$/);
    expect(access.payload.aud).toEqual([demo.audience, `${server.issuer}userinfo`]);
    expect(access.payload['azp']).toBe(demo.clients.desktop.clientId);
    expect(access.payload['gty']).toBe('password');
    expect(access.payload['scope']).toBe('openid profile email offline_access read:reports write:reports');
    expect((access.payload.exp ?? 0) - (access.payload.iat ?? 0)).toBe(600);

    const id = await jwtVerify(String(response.json['id_token']), jwks, {
      issuer: server.issuer,
      audience: demo.clients.desktop.clientId,
    });
    expect(id.protectedHeader.kid).toBe(access.protectedHeader.kid);
    expect(id.payload.sub).toBe(access.payload.sub);
    expect((id.payload.exp ?? 0) - (id.payload.iat ?? 0)).toBe(36_000);
    expect(id.payload).toMatchObject({
      name: 'Alice Example',
      nickname: 'alice',
      email: alice.email,
      email_verified: true,
    });
    expect(typeof id.payload['updated_at']).toBe('string');
  });

  it('grants every API scope when none is asked for, and no ID token or refresh token without their scopes', async () => {
    const response = await aliceRealmLogin();

    expect(response.status).toBe(200);
    expect(response.json['scope']).toBe('read:reports write:reports');
    expect(response.json['id_token']).toBeUndefined();
    expect(response.json['refresh_token']).toBeUndefined();
    expect(decodePayload(response.json['access_token'])['aud']).toBe(demo.audience);
  });

  it('keeps only the requested API scopes that exist and expands a lone openid to profile and email', async () => {
    const response = await aliceRealmLogin({ scope: 'openid read:reports delete:everything' });

    expect(response.status).toBe(200);
    expect(response.json['scope']).toBe('openid profile email read:reports');
  });

  it('leaves out email claims when only profile is granted', async () => {
    const response = await aliceRealmLogin({ scope: 'openid profile' });
    const id = decodePayload(response.json['id_token']);

    expect(id['name']).toBe('Alice Example');
    expect(id['email']).toBeUndefined();
  });

  it('accepts the same request as JSON', async () => {
    const response = await postJson(tokenUrl, {
      grant_type: demo.grants.passwordRealm,
      client_id: demo.clients.desktop.clientId,
      username: alice.email,
      password: alice.password,
      realm: demo.realms.employees,
      scope: ['openid', 'read:reports'],
    });

    expect(response.status).toBe(200);
    expect(response.json['scope']).toBe('openid profile email read:reports');
  });

  it('matches the email case-insensitively', async () => {
    const response = await aliceRealmLogin({ username: 'ALICE@Example.COM' });
    expect(response.status).toBe(200);
  });

  it('signs bob in through his own realm', async () => {
    const response = await postForm(tokenUrl, {
      grant_type: demo.grants.passwordRealm,
      client_id: demo.clients.desktop.clientId,
      username: bob.email,
      password: bob.password,
      realm: demo.realms.contractors,
    });
    expect(response.status).toBe(200);
  });
});

describe('password grant (default directory)', () => {
  it('signs alice in through the tenant default directory and ignores realm', async () => {
    const response = await postForm(tokenUrl, {
      grant_type: demo.grants.password,
      client_id: demo.clients.desktop.clientId,
      username: alice.email,
      password: alice.password,
      realm: demo.realms.contractors,
      scope: 'openid',
    });

    expect(response.status).toBe(200);
    expect(decodePayload(response.json['access_token'])['gty']).toBe('password');
  });

  it('does not find bob, whose user lives in contractors, not the default directory', async () => {
    const response = await postForm(tokenUrl, {
      grant_type: demo.grants.password,
      client_id: demo.clients.desktop.clientId,
      username: bob.email,
      password: bob.password,
    });

    expect(response.status).toBe(403);
    expect(response.json).toEqual({ error: 'invalid_grant', error_description: 'Wrong email or password.' });
  });
});

describe('credential failures', () => {
  it('answers a wrong password and an unknown user with byte-identical 403 bodies', async () => {
    const wrongPassword = await aliceRealmLogin({ password: 'not-her-password' });
    const unknownUser = await aliceRealmLogin({ username: 'nobody@example.com' });

    expect(wrongPassword.status).toBe(403);
    expect(unknownUser.status).toBe(403);
    expect(wrongPassword.text).toBe('{"error":"invalid_grant","error_description":"Wrong email or password."}');
    expect(unknownUser.text).toBe(wrongPassword.text);
    expect(unknownUser.headers.get('cache-control')).toBe('no-store');
    expect(unknownUser.headers.get('pragma')).toBe('no-cache');
  });

  it('refuses a right password for a user who lives in another realm', async () => {
    const response = await postForm(tokenUrl, {
      grant_type: demo.grants.passwordRealm,
      client_id: demo.clients.desktop.clientId,
      username: bob.email,
      password: bob.password,
      realm: demo.realms.employees,
    });

    expect(response.status).toBe(403);
    expect(response.json).toEqual({ error: 'invalid_grant', error_description: 'Wrong email or password.' });
  });

  it('treats a password over 1024 bytes as wrong credentials', async () => {
    const response = await aliceRealmLogin({ password: 'é'.repeat(513) });

    expect(response.status).toBe(403);
    expect(response.json['error']).toBe('invalid_grant');
  });

  it('answers an unknown realm with 400 invalid_request', async () => {
    const response = await aliceRealmLogin({ realm: 'no-such-realm' });

    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: 'invalid_request', error_description: 'the connection was not found' });
  });
});
