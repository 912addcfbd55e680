import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../common/result';
import { ClientCredentialsCache } from '../../../../main/admin/management-credentials';
import { ManagementClient } from '../../../../main/admin/management-client';
import type { TokenSet } from '../../../../main/auth/token-set';
import { createHttpClient } from '../../../../main/net/http-client';
import { managementError, scriptedServer, type ScriptedAnswer, type ScriptedServer } from './scripted-server';

const http = createHttpClient({ userAgent: 'Gatehouse/unit', timeoutMs: 5000 });
let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** An M2M token source that hands out token-1, token-2, … and counts grants. */
function countingGrant(clock: () => number = Date.now) {
  let grants = 0;
  const cache = new ClientCredentialsCache(async () => {
    grants += 1;
    const tokens: TokenSet = {
      accessToken: `token-${grants}`,
      tokenType: 'Bearer',
      expiresAt: clock() + 3_600_000,
      scope: 'read:users',
    };
    return ok(tokens);
  }, clock);
  return { cache, grants: () => grants };
}

async function clientFor(answer: (request: { url: string; authorization: string | undefined }) => ScriptedAnswer) {
  server = await scriptedServer(answer);
  const grant = countingGrant();
  return { client: new ManagementClient({ http, issuer: server.url, credentials: grant.cache.credentials() }), grant };
}

const user = { user_id: 'auth0|x y', email: 'x@example.com', blocked: true };

describe('the Management API transport', () => {
  it('sends the bearer token and a JSON body, and URL-encodes ids into the path', async () => {
    const { client } = await clientFor(() => ({ status: 200, body: user }));
    const blocked = await client.users.block('auth0|x y');
    expect(blocked).toEqual(ok(user));
    expect(server?.requests).toEqual([
      {
        method: 'PATCH',
        url: '/api/v2/users/auth0%7Cx%20y',
        authorization: 'Bearer token-1',
        contentType: 'application/json',
        body: '{"blocked":true}',
      },
    ]);
  });

  it('reuses a cached M2M token, and concurrent callers share one grant', async () => {
    const { client, grant } = await clientFor(() => ({ status: 200, body: user }));
    await Promise.all([client.users.get('auth0|1'), client.users.get('auth0|2'), client.users.get('auth0|3')]);
    await client.users.get('auth0|4');
    expect(grant.grants()).toBe(1);
    expect(new Set(server?.requests.map((request) => request.authorization))).toEqual(new Set(['Bearer token-1']));
  });

  it('gets a new token after a 401 and retries exactly once', async () => {
    const { client, grant } = await clientFor((request) =>
      request.authorization === 'Bearer token-1'
        ? { status: 401, body: managementError(401, 'Unauthorized', 'Invalid token', 'invalid_token') }
        : { status: 200, body: user },
    );
    expect(await client.users.get('auth0|1')).toEqual(ok(user));
    expect(grant.grants()).toBe(2);
    expect(server?.requests.map((request) => request.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('gives up after the retry is refused too, with the 401 in plain words', async () => {
    const { client, grant } = await clientFor(() => ({
      status: 401,
      body: managementError(401, 'Unauthorized', 'Invalid token', 'invalid_token'),
    }));
    const result = await client.rules.list();
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_token',
        nextStep: expect.stringMatching(/client’s ID and secret/),
        detail: { status: 401 },
      },
    });
    expect(grant.grants()).toBe(2);
    expect(server?.requests).toHaveLength(2);
  });

  it('renews a cached M2M token shortly before it expires', async () => {
    let now = 1_000_000;
    server = await scriptedServer(() => ({ status: 200, body: user }));
    const grant = countingGrant(() => now);
    const client = new ManagementClient({ http, issuer: server.url, credentials: grant.cache.credentials() });
    await client.users.get('auth0|1');
    now += 3_600_000 - 10_000; // within 30 s of expiry
    await client.users.get('auth0|1');
    expect(server.requests.map((request) => request.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('passes on Retry-After from a 429', async () => {
    const { client } = await clientFor(() => ({
      status: 429,
      headers: { 'retry-after': '12', 'x-ratelimit-limit': '200', 'x-ratelimit-remaining': '0' },
      body: managementError(429, 'Too Many Requests', 'Global limit has been reached', 'too_many_requests'),
    }));
    expect(await client.logs.get('90')).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', detail: { status: 429, retryAfterSeconds: 12 } },
    });
  });

  it('says the server could not be reached when nothing listens', async () => {
    const client = new ManagementClient({
      http,
      issuer: 'http://127.0.0.1:9/',
      credentials: countingGrant().cache.credentials(),
    });
    expect(await client.connections.list()).toMatchObject({
      ok: false,
      error: { code: 'network', message: expect.stringContaining('127.0.0.1:9') },
    });
  });

  it('refuses a success body that is not Auth0’s shape, naming where it broke', async () => {
    const { client } = await clientFor(() => ({ status: 200, body: { users: 'not a list' } }));
    expect(await client.users.get('auth0|1')).toMatchObject({
      ok: false,
      error: { code: 'server_error', message: expect.stringMatching(/read the user.*user_id/) },
    });
    const html = await clientFor(() => ({ status: 200, body: '<html>login page</html>' }));
    expect(await html.client.rules.get('rul_1')).toMatchObject({
      ok: false,
      error: { code: 'server_error', message: expect.stringMatching(/not JSON/) },
    });
  });
});
