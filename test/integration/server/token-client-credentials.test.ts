import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { managementApiScopes } from '../../../server/tenant/management-api';
import { demo } from '../../support/server/demo-tenant';
import { basicAuth, decodePayload, postForm } from '../../support/server/http';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';

let server: TestServer;
let tokenUrl: string;
let managementAudience: string;

beforeAll(async () => {
  server = await startTestServer();
  tokenUrl = `${server.url}/oauth/token`;
  managementAudience = `${server.issuer}api/v2/`;
});
afterAll(() => server.close());

const m2m = demo.clients.adminM2m;

function clientCredentials(extra: Record<string, string> = {}) {
  return postForm(tokenUrl, {
    grant_type: demo.grants.clientCredentials,
    client_id: m2m.clientId,
    client_secret: m2m.secret,
    ...extra,
  });
}

describe('client_credentials', () => {
  it('gives gatehouse-admin-m2m a Management API token with every Management scope', async () => {
    const response = await clientCredentials({ audience: managementAudience });

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(response.json).sort()).toEqual(['access_token', 'expires_in', 'scope', 'token_type']);
    expect(response.json['token_type']).toBe('Bearer');
    expect(response.json['expires_in']).toBe(86_400);
    expect(String(response.json['scope']).split(' ')).toEqual(managementApiScopes);

    const jwks = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(String(response.json['access_token']), jwks, {
      issuer: server.issuer,
      audience: managementAudience,
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      sub: 'gatehouse-admin-m2m@clients',
      azp: 'gatehouse-admin-m2m',
      gty: 'client-credentials',
      aud: managementAudience,
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(86_400);
  });

  it('narrows to the requested scopes, in the API’s order', async () => {
    const response = await clientCredentials({ audience: managementAudience, scope: 'read:logs read:users' });
    expect(response.status).toBe(200);
    expect(response.json['scope']).toBe('read:users read:logs');
    expect(decodePayload(response.json['access_token'])['scope']).toBe('read:users read:logs');
  });

  it('refuses scopes outside the client grant with 403 access_denied naming them', async () => {
    const response = await clientCredentials({ audience: managementAudience, scope: 'read:users read:reports' });
    expect(response.status).toBe(403);
    expect(response.json).toEqual({
      error: 'access_denied',
      error_description: 'Client has not been granted scopes: read:reports',
    });
  });

  it('refuses an API the client has no grant for, and the default audience is used when none is sent', async () => {
    const response = await clientCredentials();
    expect(response.status).toBe(403);
    expect(response.json).toEqual({
      error: 'access_denied',
      error_description: `Client is not authorized to access "${demo.audience}".`,
    });
  });

  it('answers an unregistered audience with §2 row 14', async () => {
    const response = await clientCredentials({ audience: 'https://nowhere.example/' });
    expect(response.status).toBe(403);
    expect(response.json).toEqual({
      error: 'access_denied',
      error_description: 'Service not enabled within domain: https://nowhere.example/',
    });
  });

  it('refuses a wrong secret, and a client without the grant', async () => {
    const wrong = await postForm(
      tokenUrl,
      { grant_type: demo.grants.clientCredentials, audience: managementAudience },
      { authorization: basicAuth(m2m.clientId, 'guess') },
    );
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({ error: 'access_denied', error_description: 'Unauthorized' });

    const backend = await postForm(tokenUrl, {
      grant_type: demo.grants.clientCredentials,
      client_id: demo.clients.backend.clientId,
      client_secret: demo.clients.backend.secret,
      audience: managementAudience,
    });
    expect(backend.status).toBe(403);
    expect(backend.json).toEqual({
      error: 'unauthorized_client',
      error_description: "Grant type 'client_credentials' not allowed for the client.",
    });
  });
});
