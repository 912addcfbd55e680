import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../support/server/demo-tenant';
import { decodePayload, postForm } from '../../support/server/http';
import {
  isManagementError,
  managementAudience,
  managementClient,
  managementToken,
} from '../../support/server/management';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';
import type { TestClock } from '../../support/server/test-clock';
import { createTestClock, SECOND } from '../../support/server/test-clock';

let server: TestServer;
let clock: TestClock;
let adminToken: string;

beforeAll(async () => {
  clock = createTestClock();
  server = await startTestServer({ clock: clock.now });
  adminToken = await managementToken(server, 'admin');
});
afterAll(() => server.close());

const invalidToken = { statusCode: 401, error: 'Unauthorized', message: 'Invalid token', errorCode: 'invalid_token' };

describe('Management API authentication', () => {
  it('answers 401 missing_authentication without a Bearer token, whatever the scheme', async () => {
    const anonymous = managementClient(server, undefined);
    for (const authorization of [undefined, 'Basic YTpi', 'Bearer', 'Bearer  ']) {
      const response = await anonymous.raw('GET', '/users', {
        headers: authorization === undefined ? {} : { authorization },
      });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Missing authentication',
        errorCode: 'missing_authentication',
      });
    }
  });

  it('answers 401 invalid_token for garbage, for another API, for an ID token and for a foreign key', async () => {
    const reports = await postForm(`${server.url}/oauth/token`, {
      grant_type: demo.grants.passwordRealm,
      client_id: demo.clients.desktop.clientId,
      username: demo.users.admin.email,
      password: demo.users.admin.password,
      realm: demo.realms.employees,
      audience: demo.audience,
      scope: 'openid',
    });
    const { privateKey } = await generateKeyPair('RS256');
    const now = Math.floor(clock.now() / 1000);
    const forged = await new SignJWT({ scope: 'read:users', gty: 'client-credentials' })
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .setIssuer(server.issuer)
      .setAudience(managementAudience(server.issuer))
      .setSubject('gatehouse-admin-m2m@clients')
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(privateKey);

    for (const token of ['not-a-jwt', String(reports.json['access_token']), String(reports.json['id_token']), forged]) {
      const response = await managementClient(server, token).get('/users');
      expect(response.status).toBe(401);
      expect(response.body).toEqual(invalidToken);
    }
  });

  it('answers 401 once the token has expired by the server clock', async () => {
    const token = await managementToken(server, 'support');
    const lifetime = Number(decodePayload(token)['exp']) - Number(decodePayload(token)['iat']);
    expect((await managementClient(server, token).get('/users')).status).toBe(200);

    clock.advance((lifetime + 1) * SECOND);
    try {
      const response = await managementClient(server, token).get('/users');
      expect(response.status).toBe(401);
      expect(response.body).toEqual(invalidToken);
    } finally {
      clock.advance(-(lifetime + 1) * SECOND);
    }
  });

  it('gives RBAC users exactly their roles: support reads but may not write, and sees no connection options', async () => {
    const support = managementClient(server, await managementToken(server, 'support'));
    const scope = String(decodePayload(await managementToken(server, 'support'))['scope'])
      .split(' ')
      .sort();
    expect(scope).toEqual(
      ['read:actions', 'read:clients', 'read:connections', 'read:logs', 'read:rules', 'read:users'].sort(),
    );

    const list = await support.get('/connections');
    expect(list.status).toBe(200);
    expect(Array.isArray(list.body)).toBe(true);
    for (const connection of list.body as Record<string, unknown>[]) expect(connection).not.toHaveProperty('options');

    const write = await support.post('/connections', { name: 'nope', strategy: 'auth0' });
    expect(write.status).toBe(403);
    expect(write.json['message']).toBe('Insufficient scope, expected any of: create:connections');

    const adminList = await managementClient(server, adminToken).get('/connections');
    for (const connection of adminList.body as Record<string, unknown>[]) expect(connection).toHaveProperty('options');
  });
});

describe('Management API rate limit', () => {
  it('sends X-RateLimit-* on answers and 429 too_many_requests once the burst is spent, until time refills it', async () => {
    const client = managementClient(server, await managementToken(server, 'support'));
    const first = await client.get('/rules');
    const limit = Number(first.headers.get('x-ratelimit-limit'));
    expect(limit).toBe(200);
    // Earlier tests spent a few of support's requests; the clock stands still, so nothing refills.
    const remaining = Number(first.headers.get('x-ratelimit-remaining'));
    expect(remaining).toBeGreaterThan(limit - 20);
    expect(remaining).toBeLessThan(limit);
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Math.floor(clock.now() / 1000));

    for (let i = 0; i < remaining; i += 1) {
      const response = await client.get('/rules');
      expect(response.status).toBe(200);
      expect(Number(response.headers.get('x-ratelimit-remaining'))).toBe(remaining - i - 1);
    }
    const refused = await client.get('/rules');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Global limit has been reached',
      errorCode: 'too_many_requests',
    });
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('retry-after')).toBe('1');

    // Other callers have their own bucket.
    expect((await managementClient(server, adminToken).get('/rules')).status).toBe(200);

    clock.advance(1 * SECOND);
    expect((await client.get('/rules')).status).toBe(200);

    const limited = await managementClient(server, adminToken).get('/logs?q=type:api_limit');
    expect((limited.body as unknown[]).length).toBeGreaterThanOrEqual(1);
  });
});

describe('Management API error shape', () => {
  const admin = () => managementClient(server, adminToken);
  const auth = () => ({ authorization: `Bearer ${adminToken}` });

  it('answers an unknown path with 404 not_found in its own shape, not the OAuth one', async () => {
    const response = await admin().get('/no-such-resource');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Not Found',
      errorCode: 'not_found',
    });
  });

  it('answers malformed JSON with 400 invalid_body', async () => {
    const response = await admin().raw('POST', '/rules', {
      headers: { ...auth(), 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid request payload JSON format',
      errorCode: 'invalid_body',
    });
  });

  it('answers a body over 64 KiB with 413 and a non-JSON body with 415, both in the Management shape', async () => {
    const large = await admin().raw('POST', '/rules', {
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'big', script: 'x'.repeat(70_000) }),
    });
    expect(large.status).toBe(413);
    expect(isManagementError(large.body, 413)).toBe(true);

    const text = await admin().raw('POST', '/rules', {
      headers: { ...auth(), 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(text.status).toBe(415);
    expect(isManagementError(text.body, 415)).toBe(true);
  });

  it('refuses a __proto__ key with 400 rather than letting it reach an object', async () => {
    const response = await admin().raw('POST', '/roles', {
      headers: { ...auth(), 'content-type': 'application/json' },
      body: '{"name":"r","__proto__":{"polluted":true}}',
    });
    expect(response.status).toBe(400);
    expect(isManagementError(response.body, 400)).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('answers a bad query parameter with 400 invalid_query_string', async () => {
    const response = await admin().get('/users?per_page=101');
    expect(response.status).toBe(400);
    expect(response.json['errorCode']).toBe('invalid_query_string');
    expect(isManagementError(response.body, 400)).toBe(true);
  });
});
