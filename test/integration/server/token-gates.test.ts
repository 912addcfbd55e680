import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../support/server/demo-tenant';
import { basicAuth, decodePayload, postForm } from '../../support/server/http';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';

let server: TestServer;
let tokenUrl: string;

beforeAll(async () => {
  server = await startTestServer();
  tokenUrl = `${server.url}/oauth/token`;
});
afterAll(() => server.close());

const { alice } = demo.users;

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

describe('client gates', () => {
  it('refuses a grant the client does not have with 403 unauthorized_client', async () => {
    const response = await postForm(tokenUrl, {
      grant_type: demo.grants.passwordRealm,
      client_id: demo.clients.adminM2m.clientId,
      client_secret: demo.clients.adminM2m.secret,
      username: alice.email,
      password: alice.password,
      realm: demo.realms.employees,
    });

    expect(response.status).toBe(403);
    expect(response.json).toEqual({
      error: 'unauthorized_client',
      error_description: "Grant type 'http://auth0.com/oauth/grant-type/password-realm' not allowed for the client.",
    });
  });

  it('refuses a confidential client with a wrong or missing secret with 401 access_denied', async () => {
    const base = {
      grant_type: demo.grants.password,
      client_id: demo.clients.backend.clientId,
      username: alice.email,
      password: alice.password,
    };
    const wrong = await postForm(tokenUrl, { ...base, client_secret: 'guess' });
    const missing = await postForm(tokenUrl, base);
    const wrongBasic = await postForm(
      tokenUrl,
      { grant_type: demo.grants.password, username: alice.email, password: alice.password },
      { authorization: basicAuth(demo.clients.backend.clientId, 'guess') },
    );

    for (const response of [wrong, missing, wrongBasic]) {
      expect(response.status).toBe(401);
      expect(response.json).toEqual({ error: 'access_denied', error_description: 'Unauthorized' });
    }
  });

  it('answers an unknown client_id like a failed secret', async () => {
    const response = await aliceRealmLogin({ client_id: 'no-such-client' });

    expect(response.status).toBe(401);
    expect(response.json).toEqual({ error: 'access_denied', error_description: 'Unauthorized' });
  });

  it('accepts gatehouse-backend with client_secret_post and with client_secret_basic', async () => {
    const post = await postForm(tokenUrl, {
      grant_type: demo.grants.passwordRealm,
      client_id: demo.clients.backend.clientId,
      client_secret: demo.clients.backend.secret,
      username: alice.email,
      password: alice.password,
      realm: demo.realms.employees,
    });
    const basic = await postForm(
      tokenUrl,
      {
        grant_type: demo.grants.passwordRealm,
        username: alice.email,
        password: alice.password,
        realm: demo.realms.employees,
      },
      { authorization: basicAuth(demo.clients.backend.clientId, demo.clients.backend.secret) },
    );

    expect(post.status).toBe(200);
    expect(basic.status).toBe(200);
    expect(decodePayload(basic.json['access_token'])['azp']).toBe(demo.clients.backend.clientId);
  });

  it('refuses Basic credentials combined with a client_secret in the body', async () => {
    const response = await postForm(
      tokenUrl,
      { grant_type: demo.grants.password, client_secret: demo.clients.backend.secret, username: 'x', password: 'y' },
      { authorization: basicAuth(demo.clients.backend.clientId, demo.clients.backend.secret) },
    );

    expect(response.status).toBe(400);
    expect(response.json['error']).toBe('invalid_request');
  });
});

describe('audiences', () => {
  it('refuses an audience that is not a registered API', async () => {
    const response = await aliceRealmLogin({ audience: 'https://unknown.example/' });

    expect(response.status).toBe(403);
    expect(response.json).toEqual({
      error: 'access_denied',
      error_description: 'Service not enabled within domain: https://unknown.example/',
    });
  });

  it('gives a user without roles a Management API token without permissions (RBAC on)', async () => {
    const audience = `${server.issuer}api/v2/`;
    const response = await aliceRealmLogin({ audience, scope: 'openid read:users' });

    expect(response.status).toBe(200);
    expect(response.json['scope']).toBe('openid profile email');
    expect(response.json['expires_in']).toBe(86_400);
    expect(decodePayload(response.json['access_token'])['aud']).toEqual([audience, `${server.issuer}userinfo`]);
    expect(decodeProtectedHeader(String(response.json['access_token'])).kid).toBeTruthy();
  });
});

describe('missing parameters', () => {
  it.each([
    ['grant_type', {}],
    ['client_id', { grant_type: demo.grants.passwordRealm }],
    ['username', { grant_type: demo.grants.passwordRealm, client_id: demo.clients.desktop.clientId }],
    [
      'password',
      { grant_type: demo.grants.passwordRealm, client_id: demo.clients.desktop.clientId, username: alice.email },
    ],
    [
      'realm',
      {
        grant_type: demo.grants.passwordRealm,
        client_id: demo.clients.desktop.clientId,
        username: alice.email,
        password: alice.password,
      },
    ],
  ])('answers a request without %s with 400 invalid_request', async (name, params) => {
    const response = await postForm(tokenUrl, params);

    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      error: 'invalid_request',
      error_description: `Missing required parameter: ${name}`,
    });
  });
});
