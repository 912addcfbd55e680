import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../support/server/demo-tenant';
import { postForm } from '../../support/server/http';
import type { ManagementClient } from '../../support/server/management';
import {
  isManagementError,
  managementAudience,
  managementClient,
  managementToken,
} from '../../support/server/management';
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

function login(username: string, password: string, realm: string, client = demo.clients.desktop.clientId) {
  return postForm(`${server.url}/oauth/token`, {
    grant_type: demo.grants.passwordRealm,
    client_id: client,
    username,
    password,
    realm,
  });
}

describe('clients', () => {
  it('lists clients without secrets, pages them and reads one', async () => {
    const listed = await admin.get('/clients?include_totals=true&per_page=2');
    expect(listed.json).toMatchObject({ start: 0, limit: 2, total: 3 });
    expect(listed.text).not.toMatch(/client_secret"|demo-backend-secret/);
    const desktop = await admin.get('/clients/gatehouse-desktop');
    expect(desktop.json).toMatchObject({
      client_id: 'gatehouse-desktop',
      app_type: 'native',
      token_endpoint_auth_method: 'none',
      is_token_endpoint_ip_header_trusted: false,
      refresh_token: { rotation_type: 'rotating', expiration_type: 'expiring', leeway: 0 },
    });
    expect((await admin.get('/clients?app_type=non_interactive')).body).toEqual([
      expect.objectContaining({ client_id: 'gatehouse-admin-m2m' }),
    ]);
  });

  it('updates grant_types, which the token endpoint then enforces, and refresh-token settings', async () => {
    const removed = await admin.patch('/clients/gatehouse-backend', { grant_types: ['password', 'refresh_token'] });
    expect(removed.status).toBe(200);
    expect(removed.json['grant_types']).toEqual(['password', 'refresh_token']);
    const refused = await postForm(`${server.url}/oauth/token`, {
      grant_type: demo.grants.passwordRealm,
      client_id: demo.clients.backend.clientId,
      client_secret: demo.clients.backend.secret,
      username: demo.users.alice.email,
      password: demo.users.alice.password,
      realm: 'employees',
    });
    expect(refused.status).toBe(403);
    expect(refused.json['error']).toBe('unauthorized_client');
    await admin.patch('/clients/gatehouse-backend', {
      grant_types: ['password', demo.grants.passwordRealm, 'refresh_token'],
      is_token_endpoint_ip_header_trusted: false,
      refresh_token: { leeway: 30, idle_token_lifetime: 3600 },
    });
    const backend = (await admin.get('/clients/gatehouse-backend')).json;
    expect(backend).toMatchObject({
      is_token_endpoint_ip_header_trusted: false,
      refresh_token: { leeway: 30, idle_token_lifetime: 3600, token_lifetime: 2_592_000 },
    });

    for (const body of [
      { grant_types: ['telepathy'] },
      { refresh_token: { rotation_type: 'rotating', expiration_type: 'non-expiring' } },
      { refresh_token: { idle_token_lifetime: 9_999_999 } },
      { is_token_endpoint_ip_header_trusted: 'true' },
    ]) {
      const response = await admin.patch('/clients/gatehouse-desktop', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(isManagementError(response.body, 400)).toBe(true);
    }
    const publicCc = await admin.patch('/clients/gatehouse-desktop', { grant_types: ['client_credentials'] });
    expect(publicCc.status).toBe(400);
  });
});

describe('resource servers', () => {
  it('lists the system Management API and the tenant APIs, and reads by id or identifier', async () => {
    const listed = (await admin.get('/resource-servers')).body as Json[];
    expect(listed.map((api) => api['identifier'])).toEqual([managementAudience(server.issuer), demo.audience]);
    expect(listed[0]).toMatchObject({ is_system: true, name: 'Auth0 Management API' });
    const reports = await admin.get(`/resource-servers/${encodeURIComponent(demo.audience)}`);
    expect(reports.json).toMatchObject({ identifier: demo.audience, token_lifetime: 600, allow_offline_access: true });
    expect((await admin.get(`/resource-servers/${String(reports.json['id'])}`)).body).toEqual(reports.body);
    const system = await admin.patch(`/resource-servers/${String(listed[0]?.['id'])}`, { name: 'Mine' });
    expect(system.status).toBe(403);
  });

  it('creates, updates and deletes an API, and tokens follow its settings', async () => {
    const created = await admin.post('/resource-servers', {
      identifier: 'https://billing.test/',
      name: 'Billing',
      scopes: [{ value: 'read:invoices', description: 'Read invoices' }],
      token_lifetime: 120,
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ identifier: 'https://billing.test/', signing_alg: 'RS256', is_system: false });
    const id = String(created.json['id']);

    const token = await postForm(`${server.url}/oauth/token`, {
      grant_type: demo.grants.passwordRealm,
      client_id: demo.clients.desktop.clientId,
      username: demo.users.alice.email,
      password: demo.users.alice.password,
      realm: 'employees',
      audience: 'https://billing.test/',
    });
    expect(token.json).toMatchObject({ expires_in: 120, scope: 'read:invoices' });

    const updated = await admin.patch(`/resource-servers/${id}`, { token_lifetime: 300, allow_offline_access: true });
    expect(updated.json).toMatchObject({ token_lifetime: 300, allow_offline_access: true });
    expect((await admin.patch(`/resource-servers/${id}`, { identifier: 'https://other.test/' })).status).toBe(400);
    expect((await admin.post('/resource-servers', { identifier: 'https://billing.test/' })).status).toBe(409);
    expect((await admin.post('/resource-servers', { identifier: 'x', signing_alg: 'HS256' })).status).toBe(400);
    expect((await admin.post('/resource-servers', { identifier: 'x', token_lifetime: 2_592_001 })).status).toBe(400);

    expect((await admin.delete(`/resource-servers/${id}`)).status).toBe(204);
    const gone = await login(demo.users.alice.email, demo.users.alice.password, 'employees');
    expect(gone.status).toBe(200);
    const refused = await postForm(`${server.url}/oauth/token`, {
      grant_type: demo.grants.passwordRealm,
      client_id: demo.clients.desktop.clientId,
      username: demo.users.alice.email,
      password: demo.users.alice.password,
      realm: 'employees',
      audience: 'https://billing.test/',
    });
    expect(refused.status).toBe(403);
  });
});

describe('roles', () => {
  it('creates a role, grants it permissions and members, and pages members both ways', async () => {
    const created = await admin.post('/roles', { name: 'auditor', description: 'Reads logs' });
    expect(created.status).toBe(200);
    const path = `/roles/${String(created.json['id'])}`;
    expect((await admin.post('/roles', { name: 'auditor' })).status).toBe(409);

    const grant = {
      permissions: [{ resource_server_identifier: managementAudience(server.issuer), permission_name: 'read:logs' }],
    };
    expect((await admin.post(`${path}/permissions`, grant)).status).toBe(201);
    expect((await admin.get(`${path}/permissions`)).body).toEqual([
      {
        permission_name: 'read:logs',
        description: 'read:logs',
        resource_server_name: 'Auth0 Management API',
        resource_server_identifier: managementAudience(server.issuer),
      },
    ]);
    const bogus = { permissions: [{ resource_server_identifier: demo.audience, permission_name: 'fly' }] };
    expect((await admin.post(`${path}/permissions`, bogus)).status).toBe(400);

    const users = ((await admin.get('/users?per_page=3')).body as Json[]).map((user) => String(user['user_id']));
    expect((await admin.post(`${path}/users`, { users })).status).toBe(200);
    const offset = await admin.get(`${path}/users?include_totals=true&per_page=2`);
    expect(offset.json).toMatchObject({ start: 0, limit: 2, total: 3 });
    const first = await admin.get(`${path}/users?take=2`);
    const second = await admin.get(`${path}/users?take=2&from=${String(first.json['next'])}`);
    const members = [...(first.json['users'] as Json[]), ...(second.json['users'] as Json[])].map(
      (user) => user['user_id'],
    );
    expect(members.sort()).toEqual([...users].sort());
    expect(second.json).not.toHaveProperty('next');

    expect((await admin.patch(path, { description: 'Reads every log' })).json['description']).toBe('Reads every log');
    expect((await admin.delete(`${path}/permissions`, grant)).status).toBe(200);
    expect((await admin.get(`${path}/permissions`)).body).toEqual([]);
    expect((await admin.delete(path)).status).toBe(200);
    expect((await admin.get(path)).status).toBe(404);
  });
});

describe('user blocks and attack protection', () => {
  it('lists and releases brute-force blocks by identifier, and logs the release', async () => {
    const identifier = 'nobody@blocks.test';
    for (let i = 0; i < 10; i += 1) await login(identifier, 'wrong', 'employees');
    const blocked = await login(identifier, 'wrong', 'employees');
    expect(blocked.status).toBe(429);

    const listed = await admin.get(`/user-blocks?identifier=${encodeURIComponent(identifier)}`);
    expect(listed.body).toEqual({ blocked_for: [{ identifier, ip: '127.0.0.1', connection: 'employees' }] });
    expect((await admin.delete(`/user-blocks?identifier=${encodeURIComponent(identifier)}`)).status).toBe(204);
    expect((await admin.get(`/user-blocks?identifier=${encodeURIComponent(identifier)}`)).body).toEqual({
      blocked_for: [],
    });
    expect(((await admin.get('/logs?q=type:ublkdu')).body as unknown[]).length).toBeGreaterThanOrEqual(1);
    expect((await admin.get('/user-blocks')).status).toBe(400);
  });

  it('lists and releases blocks by user id, after which the user signs in again', async () => {
    const { bob } = demo.users;
    for (let i = 0; i < 10; i += 1) await login(bob.email, 'wrong', bob.realm);
    expect((await login(bob.email, bob.password, bob.realm)).status).toBe(429);
    const user = ((await admin.get(`/users?q=${encodeURIComponent(`email:"${bob.email}"`)}`)).body as Json[])[0] ?? {};
    const path = `/user-blocks/${encodeURIComponent(String(user['user_id']))}`;

    expect((await admin.get(path)).body).toEqual({
      blocked_for: [{ identifier: bob.email, ip: '127.0.0.1', connection: bob.realm }],
    });
    expect((await admin.delete(path)).status).toBe(204);
    expect((await admin.get(path)).body).toEqual({ blocked_for: [] });
    expect((await login(bob.email, bob.password, bob.realm)).status).toBe(200);
  });

  it('reads and patches brute-force and suspicious-IP settings in Auth0 shapes', async () => {
    expect((await admin.get('/attack-protection/brute-force-protection')).body).toEqual({
      enabled: true,
      shields: ['block', 'user_notification'],
      allowlist: [],
      mode: 'count_per_identifier_and_ip',
      max_attempts: 10,
    });
    const patched = await admin.patch('/attack-protection/brute-force-protection', {
      max_attempts: 3,
      allowlist: ['10.0.0.0/8'],
    });
    expect(patched.json).toMatchObject({ max_attempts: 3, allowlist: ['10.0.0.0/8'], enabled: true });
    expect((await admin.patch('/attack-protection/brute-force-protection', { max_attempts: 0 })).status).toBe(400);
    expect((await admin.patch('/attack-protection/brute-force-protection', { unknown: 1 })).status).toBe(400);

    const throttle = await admin.patch('/attack-protection/suspicious-ip-throttling', {
      stage: { 'pre-login': { max_attempts: 50 } },
    });
    expect(throttle.json).toMatchObject({ stage: { 'pre-login': { max_attempts: 50, rate: 864_000 } } });
    expect((await admin.get('/attack-protection/suspicious-ip-throttling')).body).toEqual(throttle.body);
    await admin.patch('/attack-protection/brute-force-protection', { max_attempts: 10, allowlist: [] });
  });
});

describe('client grants and IP blocks', () => {
  it('grants the backend client a scope of the reports API, which client_credentials then obtains', async () => {
    await admin.patch('/clients/gatehouse-backend', {
      grant_types: ['password', 'refresh_token', 'client_credentials'],
    });
    const ask = () =>
      postForm(`${server.url}/oauth/token`, {
        grant_type: 'client_credentials',
        client_id: demo.clients.backend.clientId,
        client_secret: demo.clients.backend.secret,
        audience: demo.audience,
      });
    expect((await ask()).status).toBe(403);

    const created = await admin.post('/client-grants', {
      client_id: demo.clients.backend.clientId,
      audience: demo.audience,
      scope: ['read:reports'],
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      client_id: 'gatehouse-backend',
      audience: demo.audience,
      scope: ['read:reports'],
    });
    expect((await ask()).json['scope']).toBe('read:reports');

    const id = String(created.json['id']);
    expect((await admin.patch(`/client-grants/${id}`, { scope: ['read:reports', 'write:reports'] })).status).toBe(200);
    expect((await ask()).json['scope']).toBe('read:reports write:reports');
    expect((await admin.patch(`/client-grants/${id}`, { scope: ['fly'] })).status).toBe(400);
    const twice = await admin.post('/client-grants', {
      client_id: 'gatehouse-backend',
      audience: demo.audience,
      scope: [],
    });
    expect(twice.status).toBe(409);
    const listed = await admin.get(`/client-grants?client_id=gatehouse-backend&include_totals=true`);
    expect(listed.json).toMatchObject({ total: 1, client_grants: [expect.objectContaining({ id })] });

    expect((await admin.delete(`/client-grants/${id}`)).status).toBe(204);
    expect((await ask()).status).toBe(403);
  });

  it('reports an IP that is not throttled as 404 and releases any IP with 204', async () => {
    expect((await admin.get('/anomaly/blocks/ips/203.0.113.9')).status).toBe(404);
    expect((await admin.delete('/anomaly/blocks/ips/203.0.113.9')).status).toBe(204);
    const bad = await admin.get('/anomaly/blocks/ips/not-an-ip');
    expect(bad.status).toBe(400);
    expect(isManagementError(bad.body, 400)).toBe(true);
  });
});
