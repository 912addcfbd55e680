import { DiscoveryDocumentWire } from '../../../common/oauth/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get } from '../../support/server/http';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('discovery, JWKS and health', () => {
  it('publishes an OpenID configuration whose URLs all hang off the issuer', async () => {
    const response = await get(`${server.url}/.well-known/openid-configuration`);

    expect(response.status).toBe(200);
    expect(DiscoveryDocumentWire.safeParse(response.json).success).toBe(true);
    expect(response.json).toMatchObject({
      issuer: server.issuer,
      token_endpoint: `${server.issuer}oauth/token`,
      userinfo_endpoint: `${server.issuer}userinfo`,
      jwks_uri: `${server.issuer}.well-known/jwks.json`,
      revocation_endpoint: `${server.issuer}oauth/revoke`,
      mfa_challenge_endpoint: `${server.issuer}mfa/challenge`,
      id_token_signing_alg_values_supported: ['RS256'],
      subject_types_supported: ['public'],
    });
    expect(response.json['scopes_supported']).toEqual(
      expect.arrayContaining(['openid', 'profile', 'email', 'offline_access']),
    );
    // The MFA grants (issue #4) join this list when they are registered.
    expect(response.json['grant_types_supported']).toEqual(
      expect.arrayContaining([
        'password',
        'http://auth0.com/oauth/grant-type/password-realm',
        'refresh_token',
        'client_credentials',
      ]),
    );
    expect(response.json['token_endpoint_auth_methods_supported']).toEqual([
      'client_secret_basic',
      'client_secret_post',
      'none',
    ]);
  });

  it('publishes one RS256 signing key with only public members', async () => {
    const response = await get(`${server.url}/.well-known/jwks.json`);
    const keys = response.json['keys'] as Record<string, unknown>[];

    expect(response.status).toBe(200);
    expect(keys).toHaveLength(1);
    expect(Object.keys(keys[0] ?? {}).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
    expect(String(keys[0]?.['n']).length).toBeGreaterThanOrEqual(342); // 2048-bit modulus in base64url
  });

  it('answers /health', async () => {
    const response = await get(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ status: 'ok' });
  });
});
