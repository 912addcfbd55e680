import { beforeEach, describe, expect, it } from 'vitest';
import { IssuerRef } from '../../../../server/issuer';
import { MANAGEMENT_API_AUDIENCE_KEY } from '../../../../server/storage/audience-keys';
import { openMemoryDatabase } from '../../../../server/storage/database';
import type { SqliteDatabase } from '../../../../server/storage/database';
import type { Repositories } from '../../../../server/storage/repositories';
import { createSqliteRepositories } from '../../../../server/storage/repositories';
import { RoleNameTakenError } from '../../../../server/storage/role-repository';

const ISSUER = 'https://tenant.example/';
const MGMT = `${ISSUER}api/v2/`;
const REPORTS = 'https://api.gatehouse.test/';

let db: SqliteDatabase;
let repos: Repositories;
let alice: string;
let bob: string;

beforeEach(() => {
  db = openMemoryDatabase();
  repos = createSqliteRepositories(db, () => 1_000, undefined, { issuer: new IssuerRef(ISSUER) });
  const connection = repos.connections.create({ name: 'employees', strategy: 'auth0', options: {} });
  const user = (email: string) =>
    repos.users.create({
      connectionId: connection.id,
      email,
      username: null,
      passwordHash: null,
      emailVerified: true,
      name: null,
      nickname: null,
      picture: null,
    }).id;
  alice = user('alice@example.com');
  bob = user('bob@example.com');
});

describe('SqliteRoleRepository', () => {
  it('creates roles with rol_ ids and refuses a duplicate name', () => {
    const role = repos.roles.create({ name: 'admin', description: 'all' });
    expect(role).toMatchObject({ name: 'admin', description: 'all' });
    expect(role.id).toMatch(/^rol_[A-Za-z0-9]{16}$/);
    expect(() => repos.roles.create({ name: 'admin' })).toThrow(RoleNameTakenError);
    expect(repos.roles.findByName('admin')?.id).toBe(role.id);
  });

  it('lists by name with a case-insensitive filter, paging and a total', () => {
    for (const name of ['support', 'Admin', 'billing-admin', 'viewer']) repos.roles.create({ name });
    const page = repos.roles.list({ nameFilter: 'ADMIN', offset: 1, limit: 1 });
    expect(page.total).toBe(2);
    expect(page.items.map((role) => role.name)).toEqual(['billing-admin']);
  });

  it('renames, refuses a rename onto a taken name, and deletes with cascade', () => {
    const a = repos.roles.create({ name: 'a' });
    repos.roles.create({ name: 'b' });
    expect(repos.roles.update(a.id, { name: 'c' })?.name).toBe('c');
    expect(() => repos.roles.update(a.id, { name: 'b' })).toThrow(RoleNameTakenError);
    expect(repos.roles.update('rol_missing', { name: 'x' })).toBeUndefined();
    repos.roles.addPermissions(a.id, [{ resourceServerIdentifier: REPORTS, permissionName: 'read:reports' }]);
    repos.roles.assignUsers(a.id, [alice]);
    expect(repos.roles.delete(a.id)).toBe(true);
    expect(repos.roles.forUser(alice, REPORTS)).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM role_permissions').get()).toEqual({ n: 0 });
  });

  it('gives a user the union of their roles’ permissions on one API (RBAC)', () => {
    const reader = repos.roles.create({ name: 'reader' });
    const writer = repos.roles.create({ name: 'writer' });
    repos.roles.addPermissions(reader.id, [
      { resourceServerIdentifier: REPORTS, permissionName: 'read:reports' },
      { resourceServerIdentifier: MGMT, permissionName: 'read:users' },
    ]);
    repos.roles.addPermissions(writer.id, [
      { resourceServerIdentifier: REPORTS, permissionName: 'read:reports' },
      { resourceServerIdentifier: REPORTS, permissionName: 'write:reports' },
    ]);
    repos.roles.assignUsers(reader.id, [alice, 'no-such-user']);
    repos.roles.assignUsers(writer.id, [alice]);

    expect([...repos.roles.forUser(alice, REPORTS)].sort()).toEqual(['read:reports', 'write:reports']);
    expect(repos.roles.forUser(alice, MGMT)).toEqual(['read:users']);
    expect(repos.roles.forUser(bob, REPORTS)).toEqual([]);
    expect(repos.roles.rolesForUser(alice).map((role) => role.name)).toEqual(['reader', 'writer']);
    expect(repos.roles.permissionsForUser(alice, REPORTS)).toEqual([
      { resourceServerIdentifier: REPORTS, permissionName: 'read:reports', roleIds: [reader.id, writer.id].sort() },
      { resourceServerIdentifier: REPORTS, permissionName: 'write:reports', roleIds: [writer.id] },
    ]);
    expect(repos.roles.listUserIds(reader.id)).toEqual({ items: [alice], total: 1 });

    repos.roles.unassignUsers(writer.id, [alice]);
    repos.roles.removePermissions(reader.id, [{ resourceServerIdentifier: MGMT, permissionName: 'read:users' }]);
    expect(repos.roles.forUser(alice, REPORTS)).toEqual(['read:reports']);
    expect(repos.roles.forUser(alice, MGMT)).toEqual([]);
  });

  it('stores Management API permissions under a stable key and shows the current identifier', () => {
    const role = repos.roles.create({ name: 'ops' });
    repos.roles.addPermissions(role.id, [{ resourceServerIdentifier: MGMT, permissionName: 'read:logs' }]);
    expect(db.prepare('SELECT audience FROM role_permissions').all()).toEqual([
      { audience: MANAGEMENT_API_AUDIENCE_KEY },
    ]);

    // Same database, another issuer (a new port): the permission follows the Management API.
    const moved = createSqliteRepositories(db, () => 1_000, undefined, {
      issuer: new IssuerRef('http://127.0.0.1:5555/'),
    });
    expect(moved.roles.listPermissions(role.id).items).toEqual([
      { resourceServerIdentifier: 'http://127.0.0.1:5555/api/v2/', permissionName: 'read:logs' },
    ]);
    expect(moved.roles.forUser(alice, 'http://127.0.0.1:5555/api/v2/')).toEqual([]);
    moved.roles.assignUsers(role.id, [alice]);
    expect(moved.roles.forUser(alice, 'http://127.0.0.1:5555/api/v2/')).toEqual(['read:logs']);
    expect(moved.roles.forUser(alice, MGMT)).toEqual([]);
  });

  it('drops every permission on a deleted API', () => {
    const role = repos.roles.create({ name: 'r' });
    repos.roles.addPermissions(role.id, [
      { resourceServerIdentifier: REPORTS, permissionName: 'read:reports' },
      { resourceServerIdentifier: MGMT, permissionName: 'read:users' },
    ]);
    expect(repos.roles.removePermissionsForAudience(REPORTS)).toBe(1);
    expect(repos.roles.listPermissions(role.id).items.map((p) => p.permissionName)).toEqual(['read:users']);
  });
});

describe('SqliteClientGrantRepository', () => {
  beforeEach(() => {
    repos.clients.create({
      clientId: 'm2m',
      name: 'm2m',
      appType: 'non_interactive',
      tokenEndpointAuthMethod: 'client_secret_post',
      clientSecretHash: 'a'.repeat(64),
      grantTypes: ['client_credentials'],
      isTokenEndpointIpHeaderTrusted: false,
      refreshToken: {
        rotationType: 'non-rotating',
        expirationType: 'expiring',
        leeway: 0,
        tokenLifetime: 1,
        idleTokenLifetime: 1,
        infiniteTokenLifetime: false,
        infiniteIdleTokenLifetime: false,
      },
    });
  });

  it('creates one grant per client and audience, finds, updates and deletes it', () => {
    const grant = repos.clientGrants.create({ clientId: 'm2m', audience: MGMT, scope: ['read:users', 'read:users'] });
    expect(grant).toEqual({
      id: expect.stringMatching(/^cgr_/),
      clientId: 'm2m',
      audience: MGMT,
      scope: ['read:users'],
    });
    expect(() => repos.clientGrants.create({ clientId: 'm2m', audience: MGMT, scope: [] })).toThrow(/already granted/);
    expect(repos.clientGrants.find('m2m', MGMT)?.id).toBe(grant.id);
    expect(repos.clientGrants.find('m2m', REPORTS)).toBeUndefined();
    expect(repos.clientGrants.updateScope(grant.id, ['read:logs'])?.scope).toEqual(['read:logs']);
    expect(repos.clientGrants.list({ audience: MGMT }).map((g) => g.id)).toEqual([grant.id]);
    expect(repos.clientGrants.list({ clientId: 'other' })).toEqual([]);
    expect(repos.clientGrants.delete(grant.id)).toBe(true);
    expect(repos.clientGrants.findById(grant.id)).toBeUndefined();
  });
});
