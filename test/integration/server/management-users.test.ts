import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../support/server/demo-tenant';
import { desktopLogin, desktopRefresh } from '../../support/server/desktop-grants';
import { postForm } from '../../support/server/http';
import type { ManagementClient } from '../../support/server/management';
import { isManagementError, managementClient, managementToken } from '../../support/server/management';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';

let server: TestServer;
let admin: ManagementClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = managementClient(server, await managementToken(server, 'admin'));
});
afterAll(() => server.close());

type Json = Record<string, unknown>;
const q = (query: string) => encodeURIComponent(query);

async function createUser(body: Json): Promise<{ id: string; path: string; json: Json }> {
  const response = await admin.post('/users', { connection: 'contractors', password: 'Some-Passw0rd!', ...body });
  expect(response.status, response.text).toBe(201);
  const id = String(response.json['user_id']);
  return { id, path: `/users/${encodeURIComponent(id)}`, json: response.json };
}

const login = (username: string, password: string, realm = 'contractors') =>
  desktopLogin(server, { username, password, realm, scope: 'openid offline_access' });
const refresh = (token: unknown) => desktopRefresh(server, token);

describe('users: create, read, delete', () => {
  it('creates a user in a connection (201, Auth0 shape) and refuses the same email again with 409', async () => {
    const { id, path, json } = await createUser({
      email: 'dana@example.com',
      name: 'Dana Example',
      given_name: 'Dana',
      user_metadata: { theme: 'dark' },
      app_metadata: { plan: 'gold' },
    });
    expect(id).toMatch(/^auth0\|[0-9a-f]{24}$/);
    expect(json).toMatchObject({
      email: 'dana@example.com',
      email_verified: false,
      name: 'Dana Example',
      given_name: 'Dana',
      identities: [{ connection: 'contractors', provider: 'auth0', user_id: id.slice(6), isSocial: false }],
      user_metadata: { theme: 'dark' },
      app_metadata: { plan: 'gold' },
      logins_count: 0,
      blocked: false,
    });
    expect(json).not.toHaveProperty('password');
    expect(Date.parse(String(json['created_at']))).not.toBeNaN();
    expect((await admin.get(path)).body).toEqual(json);

    const again = await admin.post('/users', { connection: 'contractors', email: 'DANA@example.com', password: 'x' });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'The user already exists.',
      errorCode: 'auth0_idp_error',
    });
  });

  it('refuses a missing connection, email or password, and unknown connections, with 400', async () => {
    const cases: [Json, string][] = [
      [{ email: 'x@example.com', password: 'x' }, 'invalid_body'],
      [{ connection: 'contractors', password: 'x' }, 'invalid_body'],
      [{ connection: 'contractors', email: 'x@example.com' }, 'invalid_body'],
      [{ connection: 'contractors', email: 'not-an-email', password: 'x' }, 'invalid_body'],
      [{ connection: 'nowhere', email: 'x@example.com', password: 'x' }, 'inexistent_connection'],
      [{ connection: 'contractors', email: 'x@example.com', password: 'x', username: 'xuser' }, 'invalid_body'],
    ];
    for (const [body, errorCode] of cases) {
      const response = await admin.post('/users', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json['errorCode']).toBe(errorCode);
      expect(isManagementError(response.body, 400)).toBe(true);
    }
  });

  it('deletes a user (204), ends their sessions and answers 404 afterwards', async () => {
    const { path } = await createUser({ email: 'erin@example.com' });
    const session = await login('erin@example.com', 'Some-Passw0rd!');
    expect(session.status).toBe(200);

    expect((await admin.delete(path)).status).toBe(204);
    expect((await admin.get(path)).status).toBe(404);
    expect((await refresh(session.json['refresh_token'])).status).toBe(403);
    expect((await login('erin@example.com', 'Some-Passw0rd!')).status).toBe(403);
  });
});

describe('users: search and paging', () => {
  beforeAll(async () => {
    for (const name of ['fay', 'gil', 'hal'])
      await createUser({ email: `${name}@search.test`, name: `${name} Search` });
  });

  it('finds users by identities.connection, by email and by free text', async () => {
    const contractors = (await admin.get(`/users?q=${q('identities.connection:"contractors"')}&per_page=100`))
      .body as Json[];
    expect(contractors.length).toBeGreaterThanOrEqual(4);
    for (const user of contractors) expect((user['identities'] as Json[])[0]?.['connection']).toBe('contractors');
    const employees = (await admin.get(`/users?q=${q('identities.connection:"employees"')}&per_page=100`))
      .body as Json[];
    expect(employees.map((user) => user['email'])).toContain(demo.users.alice.email);
    expect(employees.map((user) => user['email'])).not.toContain(demo.users.bob.email);

    const byEmail = await admin.get(`/users?q=${q('email:"gil@search.test"')}`);
    expect((byEmail.body as Json[]).map((user) => user['email'])).toEqual(['gil@search.test']);

    const freeText = await admin.get(`/users?q=${q('search.test')}&search_engine=v3`);
    expect((freeText.body as Json[]).map((user) => user['email']).sort()).toEqual([
      'fay@search.test',
      'gil@search.test',
      'hal@search.test',
    ]);
    const combined = await admin.get(`/users?q=${q('email:fa* OR (name:"hal Search" AND NOT blocked:true)')}`);
    expect((combined.body as Json[]).map((user) => user['email']).sort()).toEqual([
      'fay@search.test',
      'hal@search.test',
    ]);
  });

  it('refuses unsupported fields and broken syntax with 400 invalid_query_string', async () => {
    for (const query of ['password:"x"', 'email:"unterminated', '(email:a', 'logins_count:many']) {
      const response = await admin.get(`/users?q=${q(query)}`);
      expect(response.status, query).toBe(400);
      expect(response.json['errorCode']).toBe('invalid_query_string');
    }
  });

  it('pages with include_totals ({start, limit, length, total, users}) and sorts', async () => {
    const query = `q=${q('email:*search.test')}`;
    expect((await admin.get(`/users?${query}`)).status).toBe(400);
    const first = await admin.get(`/users?q=${q('search.test')}&per_page=2&page=0&include_totals=true&sort=email:-1`);
    expect(first.json).toMatchObject({ start: 0, limit: 2, length: 2, total: 3 });
    expect((first.json['users'] as Json[]).map((user) => user['email'])).toEqual([
      'hal@search.test',
      'gil@search.test',
    ]);
    const second = await admin.get(`/users?q=${q('search.test')}&per_page=2&page=1&include_totals=true&sort=email:-1`);
    expect(second.json).toMatchObject({ start: 2, limit: 2, length: 1, total: 3 });
    expect((await admin.get('/users?per_page=100&page=10')).status).toBe(400);
    expect((await admin.get('/users?sort=password:1')).status).toBe(400);
  });
});

describe('users: by email (GET /users-by-email)', () => {
  it('returns every user with the email, in any connection, ignoring case, as a bare array', async () => {
    const contractor = await createUser({ email: 'frankie@example.com' });
    const employee = await admin.post('/users', {
      connection: 'employees',
      email: 'frankie@example.com',
      password: 'Some-Passw0rd!',
    });
    expect(employee.status, employee.text).toBe(201);
    await createUser({ email: 'frankie.other@example.com' });

    const found = await admin.get(`/users-by-email?email=${q('Frankie@Example.COM')}`);
    expect(found.status).toBe(200);
    expect(Array.isArray(found.body)).toBe(true);
    const users = found.body as Json[];
    expect(users.map((user) => user['user_id']).sort()).toEqual([contractor.id, employee.json['user_id']].sort());
    expect(users[0]).toEqual((await admin.get(`/users/${encodeURIComponent(String(users[0]?.['user_id']))}`)).body);
  });

  it('projects with fields / include_fields, as GET /users does', async () => {
    const { id } = await createUser({ email: 'gale@example.com' });
    const kept = await admin.get(`/users-by-email?email=${q('gale@example.com')}&fields=user_id,email`);
    expect(kept.body).toEqual([{ user_id: id, email: 'gale@example.com' }]);
    const dropped = await admin.get(
      `/users-by-email?email=${q('gale@example.com')}&fields=identities,app_metadata&include_fields=false`,
    );
    const [user] = dropped.body as Json[];
    expect(user).toMatchObject({ user_id: id, email: 'gale@example.com' });
    expect(user).not.toHaveProperty('identities');
    expect(user).not.toHaveProperty('app_metadata');
  });

  it('answers [] for an unknown email and never matches by prefix', async () => {
    expect((await admin.get(`/users-by-email?email=${q('nobody@example.com')}`)).body).toEqual([]);
    await createUser({ email: 'harper@example.com' });
    expect((await admin.get(`/users-by-email?email=${q('harper@')}`)).body).toEqual([]);
    expect((await admin.get(`/users-by-email?email=${q('harper@example.co*')}`)).body).toEqual([]);
  });

  it('refuses a missing email with 400 invalid_query_string in the Management error shape', async () => {
    for (const path of ['/users-by-email', '/users-by-email?email=', '/users-by-email?fields=email']) {
      const response = await admin.get(path);
      expect(response.status, path).toBe(400);
      expect(isManagementError(response.body, 400), path).toBe(true);
      expect(response.json).toMatchObject({
        errorCode: 'invalid_query_string',
        message: "Query validation error: 'Missing required property: email' on property email",
      });
    }
    const repeated = await admin.get('/users-by-email?email=a%40b.test&email=c%40d.test');
    expect(repeated.status).toBe(400);
    expect(repeated.json['errorCode']).toBe('invalid_query_string');
  });

  it('needs read:users (403 with the exact body otherwise)', async () => {
    const limited = managementClient(server, await managementToken(server, 'admin', 'read:logs'));
    const response = await limited.get(`/users-by-email?email=${q(demo.users.alice.email)}`);
    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Insufficient scope, expected any of: read:users',
      errorCode: 'insufficient_scope',
    });
  });
});

describe('users: updates', () => {
  it('blocks a user, which refuses their refresh token and login, and unblocks them', async () => {
    const { path } = await createUser({ email: 'ivy@example.com' });
    const session = await login('ivy@example.com', 'Some-Passw0rd!');
    expect(session.status).toBe(200);

    const blocked = await admin.patch(path, { blocked: true });
    expect(blocked.status).toBe(200);
    expect(blocked.json['blocked']).toBe(true);
    // The block revoked the family, so the token is simply unknown now (auth0-wire.md §5.1).
    const refused = await refresh(session.json['refresh_token']);
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({
      error: 'invalid_grant',
      error_description: 'Unknown or invalid refresh token.',
    });
    const loginBlocked = await login('ivy@example.com', 'Some-Passw0rd!');
    expect(loginBlocked.status).toBe(401);
    expect(loginBlocked.json).toMatchObject({ error: 'unauthorized', error_description: 'user is blocked' });

    expect((await admin.patch(path, { blocked: false })).json['blocked']).toBe(false);
    expect((await login('ivy@example.com', 'Some-Passw0rd!')).status).toBe(200);
    // The block revoked the family for good: unblocking does not bring the old token back.
    expect((await refresh(session.json['refresh_token'])).status).toBe(403);
  });

  it('changes the password, which revokes existing refresh tokens', async () => {
    const { path } = await createUser({ email: 'jon@example.com' });
    const session = await login('jon@example.com', 'Some-Passw0rd!');
    expect((await admin.patch(path, { password: 'New-Passw0rd!' })).status).toBe(200);

    expect((await refresh(session.json['refresh_token'])).status).toBe(403);
    expect((await login('jon@example.com', 'Some-Passw0rd!')).status).toBe(403);
    expect((await login('jon@example.com', 'New-Passw0rd!')).status).toBe(200);
  });

  it('merges metadata (null removes a key), changes email and refuses clashes and bad bodies', async () => {
    const { path } = await createUser({ email: 'kim@example.com', user_metadata: { a: 1, b: 2 } });
    const merged = await admin.patch(path, { user_metadata: { b: null, c: 3 }, app_metadata: { role: 'x' } });
    expect(merged.json['user_metadata']).toEqual({ a: 1, c: 3 });
    expect(merged.json['app_metadata']).toEqual({ role: 'x' });

    const email = await admin.patch(path, { email: 'kim2@example.com', email_verified: true });
    expect(email.json).toMatchObject({ email: 'kim2@example.com', email_verified: true });
    expect((await login('kim2@example.com', 'Some-Passw0rd!')).status).toBe(200);

    const clash = await admin.patch(path, { email: demo.users.bob.email });
    expect(clash.status).toBe(409);
    expect(clash.json['message']).toBe('The user already exists.');
    const both = await admin.patch(path, { email: 'k3@example.com', password: 'Whatever-1' });
    expect(both.status).toBe(400);
    const wrongConnection = await admin.patch(path, { connection: 'employees', name: 'x' });
    expect(wrongConnection.status).toBe(400);
    for (const body of [{ blocked: 'yes' }, { email: 'nope' }, { user_metadata: [] }, 'text']) {
      const response = await admin.patch(path, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(isManagementError(response.body, 400)).toBe(true);
    }
  });
});

describe('users: logs, roles and authenticators', () => {
  it("lists a user's tenant log events, newest first, with paging", async () => {
    await login(demo.users.bob.email, demo.users.bob.password);
    await login(demo.users.bob.email, 'wrong-password');
    const bob = ((await admin.get(`/users?q=${q(`email:"${demo.users.bob.email}"`)}`)).body as Json[])[0] ?? {};
    const path = `/users/${encodeURIComponent(String(bob['user_id']))}/logs`;

    const logs = await admin.get(`${path}?include_totals=true&per_page=1`);
    expect(logs.status).toBe(200);
    expect(logs.json).toMatchObject({ start: 0, limit: 1, length: 1 });
    expect(Number(logs.json['total'])).toBeGreaterThanOrEqual(2);
    const all = (await admin.get(`${path}?sort=date:1`)).body as Json[];
    for (const entry of all) expect(entry['user_id']).toBe(bob['user_id']);
    expect(all.map((entry) => entry['type'])).toEqual(expect.arrayContaining(['sepft']));
  });

  it('assigns and removes roles, and the next login carries their permissions', async () => {
    const { id, path } = await createUser({ email: 'lee@example.com', password: 'Some-Passw0rd!' });
    const roles = (await admin.get('/roles')).body as Json[];
    const support = roles.find((role) => role['name'] === 'support') ?? {};

    expect((await admin.post(`${path}/roles`, { roles: [support['id']] })).status).toBe(204);
    expect((await admin.get(`${path}/roles`)).body).toEqual([support]);
    const token = await postForm(`${server.url}/oauth/token`, {
      grant_type: demo.grants.passwordRealm,
      client_id: demo.clients.desktop.clientId,
      username: 'lee@example.com',
      password: 'Some-Passw0rd!',
      realm: 'contractors',
      audience: `${server.issuer}api/v2/`,
    });
    const lee = managementClient(server, String(token.json['access_token']));
    expect((await lee.get(`/users/${encodeURIComponent(id)}`)).status).toBe(200);

    expect((await admin.delete(`${path}/roles`, { roles: [support['id']] })).status).toBe(204);
    expect((await admin.get(`${path}/roles?include_totals=true`)).json).toMatchObject({ total: 0, roles: [] });
    expect((await admin.post(`${path}/roles`, { roles: ['rol_missing'] })).status).toBe(400);
  });

  it("lists the MFA demo user's TOTP enrolment and deletes it, after which login needs no second factor", async () => {
    const { mfa } = demo.users;
    const user = ((await admin.get(`/users?q=${q(`email:"${mfa.email}"`)}`)).body as Json[])[0] ?? {};
    expect(user['multifactor']).toEqual(['guardian']);
    const path = `/users/${encodeURIComponent(String(user['user_id']))}`;
    const listed = (await admin.get(`${path}/authenticators`)).body as Json[];
    const totp = listed.find((item) => item['type'] === 'totp') ?? {};
    expect(totp).toMatchObject({ authenticator_type: 'otp', confirmed: true });
    expect(JSON.stringify(listed)).not.toContain('JBSWY3DPEHPK3PXP');
    expect((await login(mfa.email, mfa.password, mfa.realm)).json['error']).toBe('mfa_required');

    expect((await admin.delete(`${path}/authenticators/${encodeURIComponent(String(totp['id']))}`)).status).toBe(204);
    expect((await admin.get(`${path}/authenticators`)).body).toEqual([]);
    expect((await admin.get(path)).json).not.toHaveProperty('multifactor');
    expect((await login(mfa.email, mfa.password, mfa.realm)).status).toBe(200);
  });

  it('lists authenticators (none for a new user) and deleting them all is 204', async () => {
    const { path } = await createUser({ email: 'max@example.com' });
    expect((await admin.get(`${path}/authenticators`)).body).toEqual([]);
    expect((await admin.delete(`${path}/authenticators`)).status).toBe(204);
    expect((await admin.delete(`${path}/authenticators/${encodeURIComponent('totp|dev_x')}`)).status).toBe(404);
  });
});
