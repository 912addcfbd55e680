import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VerificationResult, type CheckId } from '../../../../common/ipc/inspect.contract';
import type { ProfileInput } from '../../../../main/settings/profile';
import { inspectorAt, makeKey, profileFor, sign, startKeyServer, type KeyServer, type TestKey } from './key-server';

const now = Date.UTC(2031, 4, 1, 12, 0, 0);
const nowS = now / 1000;
let server: KeyServer;
let key: TestKey;

beforeAll(async () => {
  key = await makeKey('ES256', 'oauth2-key');
  server = await startKeyServer([key]);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.discoveryIssuer = null;
});

const claims = () => ({ iss: server.issuer, sub: 'user-1', aud: 'inspector-app', iat: nowS, exp: nowS + 300 });
const oauth2 = (overrides: Partial<ProfileInput> = {}) =>
  profileFor(server.issuer, { kind: 'oauth2', audience: undefined, ...overrides });
const explicitEndpoints = () => ({
  token: `${server.issuer}oauth/token`,
  jwks: `${server.issuer}.well-known/jwks.json`,
  introspection: `${server.issuer}introspect`,
});
const statusOf = (result: VerificationResult, id: CheckId) => result.checks.find((check) => check.id === id)?.status;
const messageOf = (result: VerificationResult, id: CheckId) => result.checks.find((check) => check.id === id)?.message;

async function verify(token: string, profile = oauth2(), secret: string | null = 's3cret', realm?: string) {
  const inspector = inspectorAt(now, { clientSecret: async () => secret });
  const result = await inspector.verify(token, profile, realm === undefined ? {} : { realm });
  if (!result.ok) throw new Error(result.error.message);
  return VerificationResult.parse(result.value);
}

describe('generic OAuth 2.0 profiles', () => {
  it('finds the JWKS through discovery’s jwks_uri', async () => {
    const result = await verify(await sign(key, claims()));
    expect(result.valid).toBe(true);
    expect(result.key?.keySetUrl).toBe(server.jwksUrl);
    expect(server.requests.map((request) => request.path)).toEqual([
      '/.well-known/openid-configuration',
      '/.well-known/jwks.json',
    ]);
  });

  it('refuses keys from a discovery document that names another issuer', async () => {
    server.discoveryIssuer = 'https://impostor.example/';
    const result = await verify(await sign(key, claims()));
    expect(result.valid).toBe(false);
    expect(statusOf(result, 'key')).toBe('fail');
    expect(messageOf(result, 'key')).toContain('https://impostor.example/');
    expect(server.jwksRequests()).toBe(0);
  });

  it('uses the JWKS URL typed into the profile, without discovery', async () => {
    const result = await verify(await sign(key, claims()), oauth2({ endpoints: explicitEndpoints() }));
    expect(result.valid).toBe(true);
    expect(server.requests.map((request) => request.path)).toEqual(['/.well-known/jwks.json']);
  });

  it('fills a Keycloak-style {realm} in the JWKS URL from the session’s realm, and says when it is missing', async () => {
    const profile = oauth2({
      realmMapping: { mode: 'url-template' },
      endpoints: { token: `${server.issuer}realms/{realm}/token`, jwks: `${server.issuer}realms/{realm}/certs` },
    });
    const withRealm = await verify(await sign(key, claims()), profile, 's3cret', 'employees');
    expect(withRealm.valid).toBe(true);
    expect(withRealm.key?.keySetUrl).toBe(`${server.issuer}realms/employees/certs`);
    const withoutRealm = await verify(await sign(key, claims()), profile);
    expect(messageOf(withoutRealm, 'key')).toMatch(/separate keys for each realm/);
  });
});

describe('opaque tokens', () => {
  const introspecting = () => oauth2({ endpoints: explicitEndpoints(), clientAuth: 'client_secret_basic' });

  it('says an opaque token cannot be checked when the server has no introspection endpoint', async () => {
    const result = await verify('an-opaque-token', profileFor(server.issuer));
    expect(result.valid).toBe(false);
    expect(result.decoded.format).toBe('opaque');
    expect(statusOf(result, 'format')).toBe('warn');
    expect(statusOf(result, 'introspection')).toBe('warn');
    expect(messageOf(result, 'introspection')).toMatch(/no introspection endpoint/);
    expect(server.requests).toHaveLength(0);
  });

  it('introspects an active opaque token with the client’s credentials (RFC 7662)', async () => {
    server.activeTokens.add('opaque-active-1');
    const result = await verify('opaque-active-1', introspecting());
    expect(result.valid).toBe(true);
    expect(statusOf(result, 'introspection')).toBe('pass');
    expect(result.introspection).toMatchObject({
      active: true,
      claims: { scope: 'read:reports', client_id: 'inspector-app' },
    });
    expect(result.introspection?.explained.find((claim) => claim.name === 'scope')?.meaning).toMatch(/^Scope/);
    const request = server.requests.find((seen) => seen.path === '/introspect');
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      token: 'opaque-active-1',
      token_type_hint: 'access_token',
    });
    expect(JSON.stringify(result)).not.toContain('opaque-active-1');
  });

  it('fails an opaque token the issuer says is not active', async () => {
    const result = await verify('opaque-revoked', introspecting());
    expect(result.valid).toBe(false);
    expect(statusOf(result, 'introspection')).toBe('fail');
    expect(messageOf(result, 'introspection')).toMatch(/not active/);
  });

  it('explains a refused client secret and a missing one', async () => {
    const wrong = await verify('opaque-active-1', introspecting(), 'wrong-secret');
    expect(statusOf(wrong, 'introspection')).toBe('fail');
    expect(messageOf(wrong, 'introspection')).toMatch(/client credentials/);
    server.requests.length = 0;
    const missing = await verify('opaque-active-1', introspecting(), null);
    expect(messageOf(missing, 'introspection')).toMatch(/client secret for this profile is not in the keychain/);
    expect(server.requests.filter((request) => request.path === '/introspect')).toHaveLength(0);
  });
});
