import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenClient } from '../../../../main/auth/token-client';
import type { ProfileInput } from '../../../../main/settings/profile';
import { startOAuth2TestServer, type OAuth2TestServer } from '../../../support/oauth2-test-server/oauth2-test-server';
import { clientFor, testNetwork } from './reference-clients';

// The token client against a second, differently shaped RFC 6749 server (Keycloak-style paths, errors
// with only `error`, empty-body 401s, lower-case `bearer`, no refresh rotation), through `oauth2` profiles.

let generic: OAuth2TestServer;
const network = testNetwork();
beforeAll(async () => {
  generic = await startOAuth2TestServer();
});
afterAll(() => generic.close());

const alice = { realm: null, username: 'alice', password: 'alice-generic-pass' } as const;
const lastTokenRequest = () => generic.requests.filter((request) => request.path.endsWith('/token')).at(-1);

function oauth2(fields: Partial<ProfileInput> = {}, secret?: string): TokenClient {
  return clientFor(
    network,
    { kind: 'oauth2', issuer: generic.issuerOf('employees'), clientId: 'generic-public', ...fields },
    secret,
  );
}
const keycloakTemplate = (fields: Partial<ProfileInput> = {}) =>
  oauth2({
    realmMapping: { mode: 'url-template' },
    endpoints: {
      token: generic.templateFor('token'),
      revocation: generic.templateFor('revoke'),
      userinfo: generic.templateFor('userinfo'),
    },
    ...fields,
  });

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('an oauth2 profile with discovery', () => {
  it('signs in, refreshes without rotation and revokes, reading the discovery document once', async () => {
    const client = oauth2({ issuer: generic.issuerOf('contractors') });
    const discoveriesBefore = generic.requests.filter((request) =>
      request.path.endsWith('openid-configuration'),
    ).length;
    const tokens = unwrap(
      await client.passwordGrant({
        realm: null,
        username: 'bob',
        password: 'bob-generic-pass',
        scope: 'openid offline_access',
      }),
    );
    expect(tokens.tokenType).toBe('bearer');
    expect(decodeJwt(tokens.accessToken).iss).toBe(generic.issuerOf('contractors'));
    const refreshed = unwrap(await client.refresh(tokens.refreshToken ?? ''));
    expect(refreshed.refreshToken).toBeUndefined();
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    unwrap(await client.revoke(tokens.refreshToken ?? ''));
    expect(generic.isRevoked(tokens.refreshToken ?? '')).toBe(true);
    expect(await client.refresh(tokens.refreshToken ?? '')).toMatchObject({
      ok: false,
      error: { code: 'session_expired' },
    });
    const discoveries = generic.requests.filter((request) => request.path.endsWith('openid-configuration')).length;
    expect(discoveries - discoveriesBefore).toBe(1);
  });

  it('refuses a discovery document that names another issuer (OIDC Discovery §4.3)', async () => {
    const client = oauth2({
      issuer: 'https://look-alike.example/realms/employees',
      discoveryUrl: `${generic.issuerOf('employees')}/.well-known/openid-configuration`,
    });
    expect(await client.passwordGrant(alice)).toMatchObject({
      ok: false,
      error: {
        code: 'discovery_failed',
        message: expect.stringMatching(/names the issuer .*realms\/employees, not https:\/\/look-alike/),
      },
    });
  });

  it('reports a discovery URL that answers 404', async () => {
    const result = await oauth2({ issuer: generic.issuerOf('no-such-realm') }).passwordGrant(alice);
    expect(result).toMatchObject({ ok: false, error: { code: 'discovery_failed', detail: { status: 404 } } });
  });
});

describe('realm mapping', () => {
  it('url-template: fills {realm} into the token, refresh and revocation URLs (Keycloak)', async () => {
    const client = keycloakTemplate();
    const tokens = unwrap(
      await client.passwordGrant({ realm: 'contractors', username: 'bob', password: 'bob-generic-pass' }),
    );
    expect(lastTokenRequest()?.path).toBe('/realms/contractors/protocol/openid-connect/token');
    expect(lastTokenRequest()?.form).not.toHaveProperty('realm');
    unwrap(await client.refresh(tokens.refreshToken ?? '', undefined, 'contractors'));
    expect(lastTokenRequest()?.path).toBe('/realms/contractors/protocol/openid-connect/token');
    unwrap(await client.revoke(tokens.refreshToken ?? '', 'contractors'));
    expect(generic.requests.at(-1)?.path).toBe('/realms/contractors/protocol/openid-connect/revoke');
    expect(generic.isRevoked(tokens.refreshToken ?? '')).toBe(true);
  });

  it('url-template: a realm is required', async () => {
    expect(await keycloakTemplate().passwordGrant(alice)).toMatchObject({
      ok: false,
      error: { code: 'invalid_realm' },
    });
  });

  it('parameter: sends the realm under the configured name, with the plain password grant', async () => {
    unwrap(
      await oauth2({ realmMapping: { mode: 'parameter', name: 'connection' } }).passwordGrant({
        ...alice,
        realm: 'employees',
      }),
    );
    expect(lastTokenRequest()?.form).toMatchObject({ grant_type: 'password', connection: 'employees' });
    expect(lastTokenRequest()?.form).not.toHaveProperty('realm');
  });

  it('none: the realm is not sent at all', async () => {
    unwrap(await oauth2().passwordGrant({ ...alice, realm: 'employees' }));
    expect(Object.values(lastTokenRequest()?.form ?? {})).not.toContain('employees');
  });
});

describe('client authentication, extra parameters and headers', () => {
  it('client_secret_basic: form-encodes both parts into the Basic header, and no secret goes in the body', async () => {
    unwrap(
      await oauth2(
        { clientId: 'generic-confidential', clientAuth: 'client_secret_basic' },
        'generic-secret',
      ).passwordGrant(alice),
    );
    const request = lastTokenRequest();
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from('generic-confidential:generic-secret').toString('base64')}`,
    );
    expect(request?.form).not.toHaveProperty('client_secret');
    expect(request?.form).not.toHaveProperty('client_id');
  });

  it('client_secret_post: puts client_id and client_secret in the body', async () => {
    unwrap(
      await oauth2(
        { clientId: 'generic-confidential', clientAuth: 'client_secret_post' },
        'generic-secret',
      ).passwordGrant(alice),
    );
    expect(lastTokenRequest()?.form).toMatchObject({
      client_id: 'generic-confidential',
      client_secret: 'generic-secret',
    });
  });

  it('a wrong secret meets an empty-body 401, explained by its status', async () => {
    const result = await oauth2(
      { clientId: 'generic-confidential', clientAuth: 'client_secret_basic' },
      'nope',
    ).passwordGrant(alice);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'access_denied',
        message: expect.stringMatching(/without saying why \(HTTP 401\)/),
        detail: { status: 401 },
      },
    });
  });

  it('sends the profile’s extra parameters and headers, never over the grant’s own or our Authorization', async () => {
    const client = oauth2(
      {
        clientId: 'generic-confidential',
        clientAuth: 'client_secret_basic',
        extraParams: { resource: 'https://api.example/', username: 'mallory', client_secret: 'leak' },
        extraHeaders: { 'X-Tenant': 'acme' },
      },
      'generic-secret',
    );
    unwrap(await client.passwordGrant(alice));
    const request = lastTokenRequest();
    expect(request?.form).toMatchObject({ resource: 'https://api.example/', username: 'alice' });
    expect(request?.form).not.toHaveProperty('client_secret');
    expect(request?.headers['x-tenant']).toBe('acme');
    expect(request?.headers.authorization).toMatch(/^Basic /);
  });

  it('keeps its own Authorization header even if a caller passes one among the extra headers', async () => {
    const client = new TokenClient({
      http: network.http,
      clientId: 'generic-confidential',
      clientAuth: { method: 'client_secret_basic', secret: 'generic-secret' },
      kind: 'oauth2',
      endpoints: { token: `${generic.issuerOf('employees')}/protocol/openid-connect/token` },
      extraHeaders: { authorization: 'Bearer evil', 'CONTENT-TYPE': 'text/plain', 'X-Trace': 'kept' },
    });
    unwrap(await client.passwordGrant(alice));
    expect(lastTokenRequest()?.headers).toMatchObject({
      authorization: expect.stringMatching(/^Basic /),
      'content-type': 'application/x-www-form-urlencoded',
      'x-trace': 'kept',
    });
  });
});

describe('errors with only an `error` code, or nothing but a status', () => {
  it.each([
    [
      'a wrong password',
      { username: 'alice', password: 'wrong' },
      { code: 'invalid_credentials', detail: { status: 400, error: 'invalid_grant' } },
    ],
    [
      'an unknown scope',
      { username: 'alice', password: 'alice-generic-pass', scope: 'openid admin' },
      { code: 'invalid_scope', detail: { status: 400, error: 'invalid_scope' } },
    ],
    [
      'a throttled user (empty 429)',
      { username: 'throttled', password: 'any' },
      { code: 'rate_limited', detail: { status: 429, retryAfterSeconds: 30 } },
    ],
    [
      'a broken server (empty 500)',
      { username: 'broken', password: 'any' },
      { code: 'server_error', detail: { status: 500 } },
    ],
  ] as const)('%s', async (_label, input, expected) => {
    const result = await oauth2().passwordGrant({ realm: null, ...input });
    expect(result).toMatchObject({ ok: false, error: expected });
    if (!result.ok) expect(result.error.detail?.errorDescription).toBeUndefined();
  });
});

describe('userinfo and clocks', () => {
  it('reads userinfo, and reads the reason for a refusal from WWW-Authenticate', async () => {
    const client = oauth2();
    const tokens = unwrap(await client.passwordGrant(alice));
    expect(unwrap(await client.userinfo(tokens.accessToken))).toMatchObject({
      sub: 'employees:alice',
      preferred_username: 'alice',
    });
    expect(await client.userinfo('forged')).toMatchObject({
      ok: false,
      error: { code: 'invalid_token', detail: { status: 401, error: 'invalid_token' } },
    });
  });

  it('finds this computer’s clock an hour behind from the server’s Date header', async () => {
    const ahead = await startOAuth2TestServer({ clock: () => Date.now() + 3_600_000 });
    try {
      const client = clientFor(network, {
        kind: 'oauth2',
        issuer: ahead.issuerOf('employees'),
        clientId: 'generic-public',
      });
      const tokens = unwrap(await client.passwordGrant(alice));
      expect(tokens.clockSkew).toMatchObject({
        code: 'clock_skew',
        message: 'This computer’s clock is 60 minutes behind the server’s.',
      });
      expect(tokens.clockSkew?.detail?.serverDate).toMatch(/GMT$/);
    } finally {
      await ahead.close();
    }
  });
});
