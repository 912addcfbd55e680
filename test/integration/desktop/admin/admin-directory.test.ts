import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, ResourceServer } from '../../../../common/admin/client.schema';
import type { Connection, ConnectionClient } from '../../../../common/admin/connection.schema';
import type { Permission, Role, User, UserBlock } from '../../../../common/admin/user.schema';
import type { AdminAccess } from '../../../../common/ipc/admin.contract';
import { cheapArgon2 } from '../../../support/server/cheap-hasher';
import { demo } from '../../../support/server/demo-tenant';
import { startTestServer, type TestServer } from '../../../support/server/start-test-server';
import { adminDesk, type AdminDesk } from './admin-desk';

// The admin pane's directory calls (realms, users, blocks, applications, APIs, roles, attack protection)
// through the real IPC router and main/admin, against the real reference server, with the M2M client.
let server: TestServer;
let desk: AdminDesk;
let via: AdminDesk['m2m'];

beforeAll(async () => {
  server = await startTestServer({ server: { passwordHasher: await cheapArgon2() } });
  desk = await adminDesk(server);
  via = desk.m2m;
});
afterAll(async () => {
  await desk.close();
  await server.close();
});

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
const strong = 'Str0ng-and-l0ng-Passw0rd!';

describe('admin directory over IPC with the M2M client', { timeout: 60_000 }, () => {
  it('reports what the M2M client may do, from its token', async () => {
    const access = await desk.value<AdminAccess>('admin:access', { via });
    expect(access).toMatchObject({
      via: 'm2m',
      audience: `${server.issuer}api/v2/`,
      subject: `${demo.clients.adminM2m.clientId}@clients`,
    });
    expect(access.scopes).toEqual(expect.arrayContaining(['read:users', 'create:connections', 'update:rules']));
  });

  it('creates a realm, enables and disables a client, refuses to delete it with users, then deletes it', async () => {
    const name = unique('qa-realm');
    const created = await desk.value<Connection>('admin:createConnection', {
      via,
      connection: {
        name,
        enabled_clients: [demo.clients.desktop.clientId],
        options: { passwordPolicy: 'good', brute_force_protection: true },
      },
    });
    expect(created).toMatchObject({ name, strategy: 'auth0', options: { passwordPolicy: 'good' } });

    const listed = await desk.value<Connection[]>('admin:listConnections', { via });
    expect(listed.map((connection) => connection.name)).toEqual(expect.arrayContaining(['employees', name]));
    const byName = await desk.value<Connection[]>('admin:listConnections', { via, name });
    expect(byName.map((connection) => connection.id)).toEqual([created.id]);

    // PATCH replaces options wholesale (§7.2): the old key is gone.
    const updated = await desk.value<Connection>('admin:updateConnection', {
      via,
      id: created.id,
      patch: { display_name: 'QA realm', options: { passwordPolicy: 'fair' } },
    });
    expect(updated).toMatchObject({ display_name: 'QA realm', options: { passwordPolicy: 'fair' } });
    expect(updated.options).not.toHaveProperty('brute_force_protection');

    expect(await desk.value<ConnectionClient[]>('admin:listConnectionClients', { via, id: created.id })).toEqual([
      { client_id: demo.clients.desktop.clientId },
    ]);
    await desk.value('admin:setConnectionClients', {
      via,
      id: created.id,
      changes: [{ client_id: demo.clients.desktop.clientId, status: false }],
    });
    expect(await desk.value('admin:listConnectionClients', { via, id: created.id })).toEqual([]);

    // The realm's password policy applies to users created in it (§7.2).
    const member = `${unique('member')}@example.com`;
    const weak = await desk.call('admin:createUser', { via, user: { connection: name, email: member, password: 'a' } });
    expect(weak).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_request',
        message: expect.stringMatching(/PasswordStrengthError/),
        detail: { status: 400 },
      },
    });
    const user = await desk.value<User>('admin:createUser', {
      via,
      user: { connection: name, email: member, password: strong },
    });
    const refused = await desk.call('admin:deleteConnection', { via, id: created.id });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        nextStep: expect.stringMatching(/users first/),
        detail: { status: 409, error: 'connection_has_users' },
      },
    });
    await desk.value('admin:deleteUser', { via, userId: user.user_id });
    expect(await desk.value('admin:deleteConnection', { via, id: created.id })).toEqual({ done: true });
    expect(await desk.call('admin:getConnection', { via, id: created.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'The realm does not exist (it may have been deleted).' },
    });
  });

  it('creates, finds, pages, blocks, unblocks, resets and deletes a user', async () => {
    const email = `${unique('carol')}@example.com`;
    const user = await desk.value<User>('admin:createUser', {
      via,
      user: { connection: 'employees', email, password: strong, user_metadata: { team: 'qa' } },
    });
    expect(user).toMatchObject({ email, identities: [{ connection: 'employees' }], user_metadata: { team: 'qa' } });
    const again = await desk.call('admin:createUser', {
      via,
      user: { connection: 'employees', email, password: strong },
    });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/The user already exists/), detail: { status: 409 } },
    });

    const found = await desk.value<{ items: User[]; total: number }>('admin:listUsers', {
      via,
      realm: 'employees',
      q: `email:"${email}"`,
    });
    expect(found.items.map((item) => item.user_id)).toEqual([user.user_id]);
    const firstPage = await desk.value<{ items: User[]; total: number; start: number; limit: number }>(
      'admin:listUsers',
      { via, realm: 'employees', perPage: 2 },
    );
    expect(firstPage).toMatchObject({ start: 0, limit: 2 });
    expect(firstPage.items).toHaveLength(2);
    expect(firstPage.total).toBeGreaterThanOrEqual(4);

    expect(await desk.value<User>('admin:blockUser', { via, userId: user.user_id })).toMatchObject({ blocked: true });
    const blockedSignIn = await desk.call('auth:signIn', {
      profileId: desk.desktopProfileId,
      realm: 'employees',
      username: email,
      password: strong,
    });
    expect(blockedSignIn).toMatchObject({ ok: false, error: { code: 'user_blocked' } });
    expect(await desk.value<User>('admin:unblockUser', { via, userId: user.user_id })).toMatchObject({
      blocked: false,
    });

    const newPassword = 'An0ther-l0ng-Passw0rd!';
    await desk.value('admin:resetPassword', {
      via,
      userId: user.user_id,
      password: newPassword,
      connection: 'employees',
    });
    const signIn = await desk.call('auth:signIn', {
      profileId: desk.desktopProfileId,
      realm: 'employees',
      username: email,
      password: newPassword,
    });
    expect(signIn.ok).toBe(true);
    const logs = await desk.value<{ items: { type: string }[] }>('admin:listUserLogs', { via, userId: user.user_id });
    expect(logs.items.map((event) => event.type)).toEqual(expect.arrayContaining(['sepft']));
    expect(await desk.value('admin:listUserAuthenticators', { via, userId: user.user_id })).toEqual([]);

    await desk.value('admin:deleteUser', { via, userId: user.user_id });
    expect(await desk.call('admin:getUser', { via, userId: user.user_id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('lists a user’s MFA enrolment and removes it, after which sign-in needs no second factor', async () => {
    const signInMfaUser = () =>
      desk.call('auth:signIn', {
        profileId: desk.desktopProfileId,
        realm: 'employees',
        username: demo.users.mfa.email,
        password: demo.users.mfa.password,
      });
    expect(await signInMfaUser()).toMatchObject({ ok: false, error: { code: 'mfa_required' } });
    const found = await desk.value<{ items: User[] }>('admin:listUsers', { via, q: `email:"${demo.users.mfa.email}"` });
    const userId = found.items[0]?.user_id;
    const enrolled = await desk.value<{ id: string; type: string; confirmed: boolean }[]>(
      'admin:listUserAuthenticators',
      {
        via,
        userId,
      },
    );
    const totp = enrolled.find((item) => item.type === 'totp');
    expect(totp).toMatchObject({ confirmed: true });

    await desk.value('admin:deleteUserAuthenticators', { via, userId, authenticatorId: totp?.id });
    expect(await desk.value('admin:listUserAuthenticators', { via, userId })).toEqual([]);
    expect(await signInMfaUser()).toMatchObject({ ok: true, value: { username: demo.users.mfa.email } });
  });

  it('lists and clears brute-force blocks by identifier and by user id', async () => {
    const email = `${unique('dave')}@example.com`;
    const user = await desk.value<User>('admin:createUser', {
      via,
      user: { connection: 'employees', email, password: strong },
    });
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await desk.call('auth:signIn', {
        profileId: desk.desktopProfileId,
        realm: 'employees',
        username: email,
        password: 'wrong',
      });
    }
    const byIdentifier = await desk.value<UserBlock[]>('admin:listBlocks', { via, target: { identifier: email } });
    expect(byIdentifier).toEqual([expect.objectContaining({ identifier: email })]);
    expect(await desk.value<UserBlock[]>('admin:listBlocks', { via, target: { userId: user.user_id } })).toHaveLength(
      1,
    );

    await desk.value('admin:clearBlocks', { via, target: { userId: user.user_id } });
    expect(await desk.value('admin:listBlocks', { via, target: { identifier: email } })).toEqual([]);
    expect(await desk.value('admin:clearBlocks', { via, target: { identifier: email } })).toEqual({ done: true });
  });

  it('reads applications without their secrets and changes the settings that gate the password flows', async () => {
    const clients = await desk.value<Client[]>('admin:listClients', { via });
    expect(clients.map((client) => client.client_id)).toEqual(
      expect.arrayContaining([demo.clients.desktop.clientId, demo.clients.backend.clientId]),
    );
    expect(JSON.stringify(clients)).not.toMatch(/"client_secret":|demo-backend-secret|"refresh_token":/);

    const backend = demo.clients.backend.clientId;
    const before = await desk.value<Client>('admin:getClient', { via, clientId: backend });
    const changed = await desk.value<Client>('admin:updateClient', {
      via,
      clientId: backend,
      patch: {
        is_token_endpoint_ip_header_trusted: !before.is_token_endpoint_ip_header_trusted,
        refresh_token_settings: { leeway: 7 },
      },
    });
    expect(changed).toMatchObject({
      is_token_endpoint_ip_header_trusted: !before.is_token_endpoint_ip_header_trusted,
      refresh_token_settings: { leeway: 7, rotation_type: before.refresh_token_settings?.rotation_type },
    });
    await desk.value('admin:updateClient', {
      via,
      clientId: backend,
      patch: { is_token_endpoint_ip_header_trusted: before.is_token_endpoint_ip_header_trusted ?? false },
    });
  });

  it('manages APIs and roles with their permissions and members', async () => {
    const identifier = `https://${unique('api')}.example/`;
    const api = await desk.value<ResourceServer>('admin:createResourceServer', {
      via,
      resourceServer: { identifier, name: 'QA API', scopes: [{ value: 'read:qa' }], token_lifetime: 600 },
    });
    expect(api).toMatchObject({ identifier, token_lifetime: 600, scopes: [{ value: 'read:qa' }] });
    const apis = await desk.value<ResourceServer[]>('admin:listResourceServers', { via });
    expect(apis.find((item) => item.identifier === `${server.issuer}api/v2/`)).toMatchObject({ is_system: true });
    expect(
      await desk.value<ResourceServer>('admin:updateResourceServer', {
        via,
        id: api.id,
        patch: { allow_offline_access: true },
      }),
    ).toMatchObject({ allow_offline_access: true });

    const role = await desk.value<Role>('admin:createRole', { via, role: { name: unique('qa'), description: 'QA' } });
    const permission = { resource_server_identifier: identifier, permission_name: 'read:qa' };
    await desk.value('admin:addRolePermissions', { via, id: role.id, permissions: [permission] });
    expect(await desk.value<Permission[]>('admin:listRolePermissions', { via, id: role.id })).toEqual([
      expect.objectContaining(permission),
    ]);
    const user = await desk.value<User>('admin:createUser', {
      via,
      user: { connection: 'employees', email: `${unique('erin')}@example.com`, password: strong },
    });
    await desk.value('admin:assignUserRoles', { via, userId: user.user_id, roleIds: [role.id] });
    expect((await desk.value<Role[]>('admin:listUserRoles', { via, userId: user.user_id })).map((r) => r.id)).toEqual([
      role.id,
    ]);
    const members = await desk.value<{ items: { user_id: string }[] }>('admin:listRoleUsers', { via, id: role.id });
    expect(members.items.map((member) => member.user_id)).toEqual([user.user_id]);
    await desk.value('admin:removeUserRoles', { via, userId: user.user_id, roleIds: [role.id] });
    expect(await desk.value('admin:listUserRoles', { via, userId: user.user_id })).toEqual([]);

    await desk.value('admin:deleteRole', { via, id: role.id });
    await desk.value('admin:deleteResourceServer', { via, id: api.id });
    expect(await desk.call('admin:getResourceServer', { via, id: api.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await desk.value('admin:deleteUser', { via, userId: user.user_id });
  });

  it('reads and changes brute-force and suspicious-IP settings', async () => {
    const bruteForce = await desk.value<{ enabled: boolean; max_attempts: number }>('admin:getBruteForce', { via });
    expect(bruteForce).toMatchObject({ enabled: true, max_attempts: 10 });
    expect(await desk.value('admin:updateBruteForce', { via, patch: { max_attempts: 12 } })).toMatchObject({
      max_attempts: 12,
    });
    await desk.value('admin:updateBruteForce', { via, patch: { max_attempts: 10 } });
    const throttling = await desk.value<{ stage: { 'pre-login': { max_attempts: number } } }>('admin:getSuspiciousIp', {
      via,
    });
    expect(throttling.stage['pre-login'].max_attempts).toBe(100);
    expect(await desk.value('admin:updateSuspiciousIp', { via, patch: { allowlist: ['10.0.0.0/8'] } })).toMatchObject({
      allowlist: ['10.0.0.0/8'],
    });
  });
});
