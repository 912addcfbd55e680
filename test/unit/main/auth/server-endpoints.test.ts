import { describe, expect, it } from 'vitest';
import { auth0Endpoints, discoveryUrlOf, endpointsForRealm } from '../../../../main/auth/server-endpoints';

describe('auth0Endpoints', () => {
  it('puts Auth0’s fixed paths under the tenant URL (spec §1, §4, §5)', () => {
    expect(auth0Endpoints({ issuer: 'https://acme.eu.auth0.com/' })).toEqual({
      token: 'https://acme.eu.auth0.com/oauth/token',
      revocation: 'https://acme.eu.auth0.com/oauth/revoke',
      userinfo: 'https://acme.eu.auth0.com/userinfo',
      jwks: 'https://acme.eu.auth0.com/.well-known/jwks.json',
      mfa: 'https://acme.eu.auth0.com/mfa/',
    });
  });
});

describe('discoveryUrlOf', () => {
  it('defaults to <issuer>.well-known/openid-configuration', () => {
    expect(discoveryUrlOf({ issuer: 'https://sso.example.com/realms/staff/' })).toBe(
      'https://sso.example.com/realms/staff/.well-known/openid-configuration',
    );
  });

  it('prefers the profile’s discovery URL', () => {
    expect(discoveryUrlOf({ issuer: 'https://a/', discoveryUrl: 'https://b/meta' })).toBe('https://b/meta');
  });
});

describe('endpointsForRealm', () => {
  const keycloak = {
    token: 'https://sso.example.com/realms/{realm}/protocol/openid-connect/token',
    revocation: 'https://sso.example.com/realms/{realm}/protocol/openid-connect/revoke',
    userinfo: 'https://sso.example.com/userinfo',
  };

  it('fills {realm}, URL-encoded, into every endpoint that names it', () => {
    const result = endpointsForRealm(keycloak, 'r&d team/eu', { mode: 'url-template' });
    expect(result).toEqual({
      ok: true,
      value: {
        token: 'https://sso.example.com/realms/r%26d%20team%2Feu/protocol/openid-connect/token',
        revocation: 'https://sso.example.com/realms/r%26d%20team%2Feu/protocol/openid-connect/revoke',
        userinfo: 'https://sso.example.com/userinfo',
      },
    });
  });

  it('refuses a template sign-in without a realm', () => {
    expect(endpointsForRealm(keycloak, null, { mode: 'url-template' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_realm' },
    });
  });

  it('leaves URLs alone for the other mappings', () => {
    expect(endpointsForRealm(keycloak, 'staff', { mode: 'parameter', name: 'realm' })).toEqual({
      ok: true,
      value: keycloak,
    });
    expect(endpointsForRealm(keycloak, 'staff', undefined)).toEqual({ ok: true, value: keycloak });
  });
});
