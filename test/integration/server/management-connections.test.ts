import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../support/server/demo-tenant';
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

async function createConnection(name: string, options: Json = {}, extra: Json = {}): Promise<Json> {
  const response = await admin.post('/connections', { name, strategy: 'auth0', options, ...extra });
  expect(response.status).toBe(201);
  return response.json;
}

function realmLogin(realm: string, username: string, password: string) {
  return postForm(`${server.url}/oauth/token`, {
    grant_type: demo.grants.passwordRealm,
    client_id: demo.clients.desktop.clientId,
    username,
    password,
    realm,
  });
}

describe('connections CRUD', () => {
  it('creates a database connection (201) in Auth0 shape and refuses a duplicate name with 409', async () => {
    const created = await createConnection(
      'crud-one',
      { passwordPolicy: 'fair', brute_force_protection: true },
      {
        display_name: 'CRUD one',
        enabled_clients: [demo.clients.desktop.clientId],
        metadata: { team: 'qa' },
      },
    );
    expect(created['id']).toMatch(/^con_[A-Za-z0-9]{16}$/);
    expect(created).toMatchObject({
      name: 'crud-one',
      display_name: 'CRUD one',
      strategy: 'auth0',
      options: { passwordPolicy: 'fair', brute_force_protection: true },
      enabled_clients: [demo.clients.desktop.clientId],
      realms: ['crud-one'],
      is_domain_connection: false,
      metadata: { team: 'qa' },
    });

    const fetched = await admin.get(`/connections/${String(created['id'])}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(created);

    const duplicate = await admin.post('/connections', { name: 'crud-one', strategy: 'auth0' });
    expect(duplicate.status).toBe(409);
    expect(isManagementError(duplicate.body, 409)).toBe(true);
  });

  it('refuses bad names, strategies and options with 400 invalid_body', async () => {
    for (const body of [
      { name: '-bad', strategy: 'auth0' },
      { name: 'bad name', strategy: 'auth0' },
      { name: 'ok-name', strategy: 'Not A Strategy' },
      { name: 'ok-name', strategy: 'auth0', options: { passwordPolicy: 'super' } },
      { name: 'ok-name', strategy: 'auth0', options: { mfa: { active: 'yes' } } },
      { name: 'ok-name', strategy: 'auth0', options: { password_history: { enable: true, size: 99 } } },
      { name: 'ok-name', strategy: 'auth0', enabled_clients: ['no-such-client'] },
      { strategy: 'auth0' },
      [],
    ]) {
      const response = await admin.post('/connections', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.json['errorCode']).toBe('invalid_body');
      expect(isManagementError(response.body, 400)).toBe(true);
    }
  });

  it('replaces options wholesale on PATCH and keeps name and strategy immutable', async () => {
    const created = await createConnection('wholesale', {
      passwordPolicy: 'good',
      brute_force_protection: true,
      mfa: { active: true, return_enroll_settings: true },
    });
    const id = String(created['id']);

    const patched = await admin.patch(`/connections/${id}`, { options: { passwordPolicy: 'low' } });
    expect(patched.status).toBe(200);
    expect(patched.json['options']).toEqual({ passwordPolicy: 'low' });
    expect((await admin.get(`/connections/${id}`)).json['options']).toEqual({ passwordPolicy: 'low' });

    const renamed = await admin.patch(`/connections/${id}`, { name: 'other' });
    expect(renamed.status).toBe(400);
    const restrategised = await admin.patch(`/connections/${id}`, { strategy: 'google-oauth2' });
    expect(restrategised.status).toBe(400);
    expect(
      (await admin.patch(`/connections/${id}`, { name: 'wholesale', display_name: 'Same name is fine' })).status,
    ).toBe(200);
  });

  it('needs update:connections_options to change options, and read:connections_options to see them', async () => {
    const created = await createConnection('scoped-options', { passwordPolicy: 'good' });
    const id = String(created['id']);
    const limited = managementClient(
      server,
      await managementToken(server, 'admin', 'read:connections update:connections'),
    );

    const read = await limited.get(`/connections/${id}`);
    expect(read.status).toBe(200);
    expect(read.json).not.toHaveProperty('options');

    const refused = await limited.patch(`/connections/${id}`, { options: {} });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Insufficient scope, expected any of: update:connections_options',
      errorCode: 'insufficient_scope',
    });
    expect((await limited.patch(`/connections/${id}`, { display_name: 'Allowed' })).status).toBe(200);
    expect((await admin.get(`/connections/${id}`)).json['options']).toEqual({ passwordPolicy: 'good' });
  });

  it('deletes an empty connection (204) but refuses one that still has users with 409', async () => {
    const empty = await createConnection('to-delete');
    const deleted = await admin.delete(`/connections/${String(empty['id'])}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await admin.get(`/connections/${String(empty['id'])}`)).status).toBe(404);

    const employees = (await admin.get('/connections?name=employees')).body as Json[];
    const refused = await admin.delete(`/connections/${String(employees[0]?.['id'])}`);
    expect(refused.status).toBe(409);
    expect(refused.json['errorCode']).toBe('connection_has_users');
    expect(String(refused.json['message'])).toMatch(/still has \d+ users/);
  });
});

describe('connections listing', () => {
  it('pages by offset with a bare array, or with include_totals in the wrapper', async () => {
    await createConnection('page-a');
    await createConnection('page-b');
    const all = (await admin.get('/connections?include_totals=true&per_page=100')).json;
    const total = Number(all['total']);
    expect(total).toBeGreaterThanOrEqual(4);

    const seen: string[] = [];
    for (let page = 0; page * 2 < total; page += 1) {
      const response = await admin.get(`/connections?per_page=2&page=${page}&include_totals=true`);
      expect(response.json).toMatchObject({ start: page * 2, limit: 2, total });
      seen.push(...(response.json['connections'] as Json[]).map((item) => String(item['name'])));
    }
    expect(seen).toEqual((all['connections'] as Json[]).map((item) => String(item['name'])));

    const bare = await admin.get('/connections?per_page=2');
    expect(Array.isArray(bare.body)).toBe(true);
    expect((bare.body as unknown[]).length).toBe(2);
  });

  it('pages by checkpoint as {connections, next}, with no next on the last page', async () => {
    const expected = ((await admin.get('/connections?per_page=100')).body as Json[]).map((item) => item['id']).sort();
    const collected: unknown[] = [];
    let from: string | undefined;
    for (let round = 0; round < 50; round += 1) {
      const response = await admin.get(`/connections?take=1${from === undefined ? '' : `&from=${from}`}`);
      expect(response.status).toBe(200);
      expect(Object.keys(response.json).every((key) => key === 'connections' || key === 'next')).toBe(true);
      collected.push(...(response.json['connections'] as Json[]).map((item) => item['id']));
      if (response.json['next'] === undefined) break;
      from = String(response.json['next']);
    }
    expect(collected).toEqual(expected);
    expect((await admin.get('/connections?from=!!&take=1')).status).toBe(400);
  });

  it('filters by strategy and name and projects fields', async () => {
    const byName = await admin.get('/connections?name=contractors&fields=name,strategy');
    expect(byName.body).toEqual([{ name: 'contractors', strategy: 'auth0' }]);
    const none = await admin.get('/connections?strategy=google-oauth2');
    expect(none.body).toEqual([]);
  });
});

describe('connection clients', () => {
  it('lists enabled clients by checkpoint and switches a client off, which stops its logins there', async () => {
    const contractors = ((await admin.get('/connections?name=contractors')).body as Json[])[0] ?? {};
    const id = String(contractors['id']);

    const listed = await admin.get(`/connections/${id}/clients?take=2`);
    expect(listed.status).toBe(200);
    expect((listed.json['clients'] as Json[]).length).toBe(2);
    const rest = await admin.get(`/connections/${id}/clients?take=2&from=${String(listed.json['next'])}`);
    expect(rest.json).toEqual({ clients: [{ client_id: 'gatehouse-desktop' }] });

    expect((await realmLogin('contractors', demo.users.bob.email, demo.users.bob.password)).status).toBe(200);
    const off = await admin.patch(`/connections/${id}/clients`, [{ client_id: 'gatehouse-desktop', status: false }]);
    expect(off.status).toBe(204);
    const refused = await realmLogin('contractors', demo.users.bob.email, demo.users.bob.password);
    expect(refused.status).toBe(400);
    expect(refused.json['error_description']).toBe('the connection is not enabled');

    expect(
      (await admin.patch(`/connections/${id}/clients`, [{ client_id: 'gatehouse-desktop', status: true }])).status,
    ).toBe(204);
    expect((await realmLogin('contractors', demo.users.bob.email, demo.users.bob.password)).status).toBe(200);
    expect((await admin.patch(`/connections/${id}/clients`, [{ client_id: 'ghost', status: true }])).status).toBe(400);
  });
});

describe('password policy', () => {
  it('enforces passwordPolicy and min_length when creating users', async () => {
    await createConnection(
      'strict',
      { passwordPolicy: 'excellent', password_complexity_options: { min_length: 12 } },
      {
        enabled_clients: [demo.clients.desktop.clientId],
      },
    );
    const weak = await admin.post('/users', {
      connection: 'strict',
      email: 'weak@example.com',
      password: 'aaa-Bbb-111',
    });
    expect(weak.status).toBe(400);
    expect(weak.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'PasswordStrengthError: Password is too weak',
      errorCode: 'password_strength_error',
    });
    const triple = await admin.post('/users', {
      connection: 'strict',
      email: 'weak@example.com',
      password: 'Abc-def-1111-gh',
    });
    expect(triple.status).toBe(400);

    const strong = await admin.post('/users', {
      connection: 'strict',
      email: 'strong@example.com',
      password: 'Corr3ct-H0rse-Bat',
    });
    expect(strong.status).toBe(201);
    expect((await realmLogin('strict', 'strong@example.com', 'Corr3ct-H0rse-Bat')).status).toBe(200);
  });

  it('enforces the dictionary, personal data and history rules on create and on password change', async () => {
    await createConnection('careful', {
      passwordPolicy: 'low',
      password_dictionary: { enable: true, dictionary: ['gatehouse1'] },
      password_no_personal_info: { enable: true },
      password_history: { enable: true, size: 2 },
    });
    const common = await admin.post('/users', {
      connection: 'careful',
      email: 'c1@example.com',
      password: 'Gatehouse1',
    });
    expect(common.json['errorCode']).toBe('password_dictionary_error');
    const personal = await admin.post('/users', {
      connection: 'careful',
      email: 'carol@example.com',
      password: 'xx-carol-xx',
    });
    expect(personal.json['errorCode']).toBe('password_no_user_info_error');

    const created = await admin.post('/users', {
      connection: 'careful',
      email: 'carol@example.com',
      password: 'first-secret',
    });
    expect(created.status).toBe(201);
    const id = encodeURIComponent(String(created.json['user_id']));
    expect((await admin.patch(`/users/${id}`, { password: 'second-secret' })).status).toBe(200);

    for (const reused of ['second-secret', 'first-secret']) {
      const response = await admin.patch(`/users/${id}`, { password: reused });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'PasswordHistoryError: Password has previously been used',
        errorCode: 'password_history_error',
      });
    }
    expect((await admin.patch(`/users/${id}`, { password: 'third-secret' })).status).toBe(200);
    // Size 2: the current password and one before it; the first one may come back now.
    expect((await admin.patch(`/users/${id}`, { password: 'first-secret' })).status).toBe(200);
  });

  it('deletes a connection user by email (204) and 404s an unknown one', async () => {
    await createConnection('by-email');
    expect(
      (await admin.post('/users', { connection: 'by-email', email: 'gone@example.com', password: 'x' })).status,
    ).toBe(201);
    const id = String(((await admin.get('/connections?name=by-email')).body as Json[])[0]?.['id']);

    expect((await admin.delete(`/connections/${id}/users?email=GONE%40example.com`)).status).toBe(204);
    const search = await admin.get(`/users?q=${encodeURIComponent('email:"gone@example.com"')}`);
    expect(search.body).toEqual([]);
    expect((await admin.delete(`/connections/${id}/users?email=gone%40example.com`)).status).toBe(404);
    expect((await admin.delete(`/connections/${id}`)).status).toBe(204);
  });
});

describe('connection options change logins', () => {
  it('turns brute-force protection off for one connection, and MFA on', async () => {
    await createConnection(
      'lenient',
      { brute_force_protection: false },
      { enabled_clients: [demo.clients.desktop.clientId] },
    );
    await admin.post('/users', { connection: 'lenient', email: 'len@example.com', password: 'Len-Passw0rd!' });
    for (let i = 0; i < 11; i += 1) expect((await realmLogin('lenient', 'len@example.com', 'wrong')).status).toBe(403);
    expect((await realmLogin('lenient', 'len@example.com', 'Len-Passw0rd!')).status).toBe(200);

    const id = String(((await admin.get('/connections?name=lenient')).body as Json[])[0]?.['id']);
    await admin.patch(`/connections/${id}`, { options: { brute_force_protection: false, mfa: { active: true } } });
    const mfa = await realmLogin('lenient', 'len@example.com', 'Len-Passw0rd!');
    expect(mfa.status).toBe(403);
    expect(mfa.json['error']).toBe('mfa_required');
  });
});
