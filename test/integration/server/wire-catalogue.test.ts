import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../support/server/demo-tenant';
import { cheapArgon2 } from '../../support/server/cheap-hasher';
import { postForm, postJson, postRaw } from '../../support/server/http';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';

/**
 * spec/auth0-wire.md §2, row by row, for the rows a fresh demo tenant can reach. The rows that need
 * more set-up have their own files: row 3 (admin-blocked user) in persistence.test.ts and
 * management-users.test.ts, rows 4 and 5 (blocks) in attack-protection.test.ts, row 13 (no default
 * directory) in persistence.test.ts. Row 8 (MFA) belongs to issue #4.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ server: { passwordHasher: await cheapArgon2() } });
});
afterAll(() => server.close());

const { alice } = demo.users;
const realmLogin = {
  grant_type: demo.grants.passwordRealm,
  client_id: demo.clients.desktop.clientId,
  username: alice.email,
  password: alice.password,
  realm: demo.realms.employees,
};

interface Row {
  readonly row: string;
  readonly send: () => Promise<{ status: number; json: Record<string, unknown>; headers: Headers }>;
  readonly status: number;
  readonly body: Record<string, string>;
}

const token = (params: Record<string, string> | URLSearchParams) => postForm(`${server.url}/oauth/token`, params);
const rawJson = (json: string) =>
  postRaw(`${server.url}/oauth/token`, json, { 'content-type': 'application/json; charset=utf-8' });

const rows: Row[] = [
  {
    row: '1: wrong password',
    send: () => token({ ...realmLogin, password: 'not-it' }),
    status: 403,
    body: { error: 'invalid_grant', error_description: 'Wrong email or password.' },
  },
  {
    row: '1: unknown user',
    send: () => token({ ...realmLogin, username: 'nobody@example.com' }),
    status: 403,
    body: { error: 'invalid_grant', error_description: 'Wrong email or password.' },
  },
  {
    row: '9: grant not enabled on the client',
    send: () =>
      token({
        ...realmLogin,
        grant_type: demo.grants.password,
        client_id: demo.clients.adminM2m.clientId,
        client_secret: demo.clients.adminM2m.secret,
      }),
    status: 403,
    body: { error: 'unauthorized_client', error_description: "Grant type 'password' not allowed for the client." },
  },
  {
    row: '10: wrong secret on a confidential client',
    send: () => token({ ...realmLogin, client_id: demo.clients.backend.clientId, client_secret: 'not-the-secret' }),
    status: 401,
    body: { error: 'access_denied', error_description: 'Unauthorized' },
  },
  {
    row: '12: unknown client_id (our choice: like row 10)',
    send: () => token({ ...realmLogin, client_id: 'no-such-client' }),
    status: 401,
    body: { error: 'access_denied', error_description: 'Unauthorized' },
  },
  {
    row: '14: audience not an API',
    send: () => token({ ...realmLogin, audience: 'https://not-an-api.example/' }),
    status: 403,
    body: {
      error: 'access_denied',
      error_description: 'Service not enabled within domain: https://not-an-api.example/',
    },
  },
  {
    row: '18: missing parameter',
    send: () => token({ grant_type: demo.grants.passwordRealm, client_id: demo.clients.desktop.clientId }),
    status: 400,
    body: { error: 'invalid_request', error_description: 'Missing required parameter: username' },
  },
  {
    row: '18: unknown realm',
    send: () => token({ ...realmLogin, realm: 'no-such-realm' }),
    status: 400,
    body: { error: 'invalid_request', error_description: 'the connection was not found' },
  },
  {
    row: '18: a parameter repeated as a JSON key (RFC 6749 §3.2)',
    send: () =>
      rawJson(
        `{"grant_type":"${demo.grants.passwordRealm}","client_id":"${demo.clients.desktop.clientId}","client_id":"x"}`,
      ),
    status: 400,
    body: { error: 'invalid_request', error_description: 'Parameter must not be repeated: client_id' },
  },
  {
    row: '18: a parameter repeated in a form (RFC 6749 §3.2)',
    send: () =>
      token(
        new URLSearchParams([
          ['grant_type', demo.grants.passwordRealm],
          ['password', 'a'],
          ['password', 'b'],
        ]),
      ),
    status: 400,
    body: { error: 'invalid_request', error_description: 'Parameter must not be repeated: password' },
  },
  {
    row: '19: bad scope type',
    send: () => postJson(`${server.url}/oauth/token`, { ...realmLogin, scope: { openid: true } }),
    status: 400,
    body: { error: 'invalid_scope', error_description: 'Scope must be an array or a string' },
  },
  {
    row: '20: unknown grant',
    send: () => token({ ...realmLogin, grant_type: 'urn:example:no-such-grant' }),
    status: 400,
    body: { error: 'unsupported_grant_type', error_description: 'Grant type not supported' },
  },
  {
    row: '§5.1: unknown refresh token',
    send: () =>
      token({ grant_type: 'refresh_token', client_id: demo.clients.desktop.clientId, refresh_token: 'v1.nope' }),
    status: 403,
    body: { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' },
  },
  {
    row: '§5.2: revoke with a wrong secret',
    send: () =>
      postJson(`${server.url}/oauth/revoke`, {
        client_id: demo.clients.backend.clientId,
        client_secret: 'nope',
        token: 'v1.x',
      }),
    status: 401,
    body: { error: 'invalid_client', error_description: 'Client authentication failed.' },
  },
  {
    row: '§5.2: revoke without token',
    send: () => postJson(`${server.url}/oauth/revoke`, { client_id: demo.clients.desktop.clientId }),
    status: 400,
    body: { error: 'invalid_request', error_description: 'Missing required parameter: token' },
  },
];

describe('the /oauth/token and /oauth/revoke error catalogue (auth0-wire.md §2, §5)', () => {
  it.each(rows.map((row) => [row.row, row] as const))('row %s', async (_name, row) => {
    const response = await row.send();
    expect(response.status).toBe(row.status);
    expect(response.json).toEqual(row.body);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('pragma')).toBe('no-cache');
  });
});
