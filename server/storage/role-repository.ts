import type { Clock } from '../config';
import type { UserPermissions } from '../grants/grant';
import type { AudienceKeys } from './audience-keys';
import type { SqliteDatabase } from './database';
import { inTransaction } from './database';
import { newId } from './ids';

/** An RBAC role (Auth0 `/api/v2/roles`). */
export interface Role {
  /** `rol_` + 16 alphanumerics. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** One permission a role grants: a scope of one API (Auth0's `permissions` items). */
export interface RolePermission {
  /** The API identifier (audience), with the Management API under its real `<issuer>api/v2/`. */
  readonly resourceServerIdentifier: string;
  readonly permissionName: string;
}

/** A permission a user holds, with the roles it comes from (Auth0 `GET /users/{id}/permissions`). */
export interface UserPermission extends RolePermission {
  readonly roleIds: readonly string[];
}

/** A create or rename that would give two roles the same name. The Management API answers 409. */
export class RoleNameTakenError extends Error {
  constructor(readonly roleName: string) {
    super('A role with this name already exists');
    this.name = 'RoleNameTakenError';
  }
}

/** A page of a list, with the total before paging. */
export interface Page<T> {
  readonly items: T[];
  readonly total: number;
}

/** Paging: `offset` rows skipped, at most `limit` returned (all when absent). */
export interface PageRequest {
  readonly offset?: number;
  readonly limit?: number;
}

/**
 * Roles, their permissions and their users. Also the `UserPermissions` the token endpoint asks when an
 * API enforces RBAC (`forUser`). Unknown role or user ids in the assignment calls are ignored.
 */
export interface RoleRepository extends UserPermissions {
  /** Throws `RoleNameTakenError` when the name is in use. */
  create(input: { readonly name: string; readonly description?: string }): Role;
  findById(id: string): Role | undefined;
  findByName(name: string): Role | undefined;
  /** By name; `nameFilter` matches names containing it, case-insensitively (Auth0's `name_filter`). */
  list(query?: PageRequest & { readonly nameFilter?: string }): Page<Role>;
  /** Undefined for an unknown id; throws `RoleNameTakenError` on a duplicate name. */
  update(id: string, patch: { readonly name?: string; readonly description?: string }): Role | undefined;
  /** Deleting a role removes its permissions and assignments. */
  delete(id: string): boolean;

  listPermissions(roleId: string, page?: PageRequest): Page<RolePermission>;
  addPermissions(roleId: string, permissions: readonly RolePermission[]): void;
  removePermissions(roleId: string, permissions: readonly RolePermission[]): void;
  /** Drops every role permission on an API (call it when the API is deleted). Returns how many. */
  removePermissionsForAudience(resourceServerIdentifier: string): number;

  assignUsers(roleId: string, userIds: readonly string[]): void;
  unassignUsers(roleId: string, userIds: readonly string[]): void;
  /** Users holding the role, by user id. */
  listUserIds(roleId: string, page?: PageRequest): Page<string>;
  /** The roles a user holds, by name (what rules see as `context.authorization.roles`). */
  rolesForUser(userId: string): Role[];
  /** Every permission the user holds through roles, optionally on one API only. */
  permissionsForUser(userId: string, resourceServerIdentifier?: string): UserPermission[];
}

interface RoleRow {
  id: string;
  name: string;
  description: string;
  created_at: number;
  updated_at: number;
}

function toRole(row: RoleRow): Role {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** SQLite's LIMIT -1 means "no limit". */
function limitOf(page: PageRequest | undefined): [number, number] {
  return [page?.limit ?? -1, page?.offset ?? 0];
}

/** SQLite-backed roles. Statements are prepared once. */
export class SqliteRoleRepository implements RoleRepository {
  private readonly s;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly clock: Clock,
    private readonly audiences: AudienceKeys,
  ) {
    const roleColumns = 'id, name, description, created_at, updated_at';
    this.s = {
      insert: db.prepare(
        'INSERT INTO roles (id, name, description, created_at, updated_at) VALUES (@id, @name, @description, @now, @now)',
      ),
      byId: db.prepare<[string], RoleRow>(`SELECT ${roleColumns} FROM roles WHERE id = ?`),
      byName: db.prepare<[string], RoleRow>(`SELECT ${roleColumns} FROM roles WHERE name = ?`),
      list: db.prepare<[string, number, number], RoleRow>(
        `SELECT ${roleColumns} FROM roles WHERE instr(lower(name), lower(?)) > 0 ORDER BY name, id LIMIT ? OFFSET ?`,
      ),
      count: db.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM roles WHERE instr(lower(name), lower(?)) > 0',
      ),
      update: db.prepare<[string, string, number, string]>(
        'UPDATE roles SET name = ?, description = ?, updated_at = ? WHERE id = ?',
      ),
      delete: db.prepare<[string]>('DELETE FROM roles WHERE id = ?'),
      permissions: db.prepare<[string, number, number], { audience: string; permission: string }>(
        `SELECT audience, permission FROM role_permissions WHERE role_id = ?
          ORDER BY audience, permission LIMIT ? OFFSET ?`,
      ),
      countPermissions: db.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM role_permissions WHERE role_id = ?',
      ),
      addPermission: db.prepare<[string, string, string]>(
        `INSERT OR IGNORE INTO role_permissions (role_id, audience, permission)
         SELECT id, ?, ? FROM roles WHERE id = ?`,
      ),
      removePermission: db.prepare<[string, string, string]>(
        'DELETE FROM role_permissions WHERE role_id = ? AND audience = ? AND permission = ?',
      ),
      removeAudience: db.prepare<[string]>('DELETE FROM role_permissions WHERE audience = ?'),
      assign: db.prepare<[number, string, string]>(
        `INSERT OR IGNORE INTO user_roles (user_id, role_id, created_at)
         SELECT u.id, r.id, ? FROM users u, roles r WHERE r.id = ? AND u.id = ?`,
      ),
      unassign: db.prepare<[string, string]>('DELETE FROM user_roles WHERE role_id = ? AND user_id = ?'),
      userIds: db.prepare<[string, number, number], { user_id: string }>(
        'SELECT user_id FROM user_roles WHERE role_id = ? ORDER BY user_id LIMIT ? OFFSET ?',
      ),
      countUsers: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM user_roles WHERE role_id = ?'),
      rolesForUser: db.prepare<[string], RoleRow>(
        `SELECT r.id, r.name, r.description, r.created_at, r.updated_at
           FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ? ORDER BY r.name`,
      ),
      userPermissions: db.prepare<[string], { audience: string; permission: string; role_id: string }>(
        `SELECT rp.audience, rp.permission, rp.role_id FROM user_roles ur
           JOIN role_permissions rp ON rp.role_id = ur.role_id
          WHERE ur.user_id = ? ORDER BY rp.audience, rp.permission, rp.role_id`,
      ),
      // The hot path of every RBAC login: one indexed join, distinct names only.
      forUser: db.prepare<[string, string], { permission: string }>(
        `SELECT DISTINCT rp.permission FROM user_roles ur
           JOIN role_permissions rp ON rp.role_id = ur.role_id
          WHERE ur.user_id = ? AND rp.audience = ?`,
      ),
    };
  }

  create(input: { readonly name: string; readonly description?: string }): Role {
    const id = newId.role();
    try {
      this.s.insert.run({ id, name: input.name, description: input.description ?? '', now: this.clock() });
    } catch (error) {
      if (isUniqueViolation(error)) throw new RoleNameTakenError(input.name);
      throw error;
    }
    return this.mustFind(id);
  }

  findById(id: string): Role | undefined {
    const row = this.s.byId.get(id);
    return row && toRole(row);
  }

  findByName(name: string): Role | undefined {
    const row = this.s.byName.get(name);
    return row && toRole(row);
  }

  list(query: PageRequest & { readonly nameFilter?: string } = {}): Page<Role> {
    const filter = query.nameFilter ?? '';
    return {
      items: this.s.list.all(filter, ...limitOf(query)).map(toRole),
      total: this.s.count.get(filter)?.n ?? 0,
    };
  }

  update(id: string, patch: { readonly name?: string; readonly description?: string }): Role | undefined {
    const current = this.findById(id);
    if (!current) return undefined;
    const name = patch.name ?? current.name;
    try {
      this.s.update.run(name, patch.description ?? current.description, this.clock(), id);
    } catch (error) {
      if (isUniqueViolation(error)) throw new RoleNameTakenError(name);
      throw error;
    }
    return this.mustFind(id);
  }

  delete(id: string): boolean {
    return this.s.delete.run(id).changes > 0;
  }

  listPermissions(roleId: string, page?: PageRequest): Page<RolePermission> {
    return {
      items: this.s.permissions.all(roleId, ...limitOf(page)).map((row) => this.toPermission(row)),
      total: this.s.countPermissions.get(roleId)?.n ?? 0,
    };
  }

  addPermissions(roleId: string, permissions: readonly RolePermission[]): void {
    inTransaction(this.db, () => {
      for (const p of permissions) {
        this.s.addPermission.run(this.audiences.toStored(p.resourceServerIdentifier), p.permissionName, roleId);
      }
    });
  }

  removePermissions(roleId: string, permissions: readonly RolePermission[]): void {
    inTransaction(this.db, () => {
      for (const p of permissions) {
        this.s.removePermission.run(roleId, this.audiences.toStored(p.resourceServerIdentifier), p.permissionName);
      }
    });
  }

  removePermissionsForAudience(resourceServerIdentifier: string): number {
    return this.s.removeAudience.run(this.audiences.toStored(resourceServerIdentifier)).changes;
  }

  assignUsers(roleId: string, userIds: readonly string[]): void {
    const now = this.clock();
    inTransaction(this.db, () => {
      for (const userId of userIds) this.s.assign.run(now, roleId, userId);
    });
  }

  unassignUsers(roleId: string, userIds: readonly string[]): void {
    inTransaction(this.db, () => {
      for (const userId of userIds) this.s.unassign.run(roleId, userId);
    });
  }

  listUserIds(roleId: string, page?: PageRequest): Page<string> {
    return {
      items: this.s.userIds.all(roleId, ...limitOf(page)).map((row) => row.user_id),
      total: this.s.countUsers.get(roleId)?.n ?? 0,
    };
  }

  rolesForUser(userId: string): Role[] {
    return this.s.rolesForUser.all(userId).map(toRole);
  }

  permissionsForUser(userId: string, resourceServerIdentifier?: string): UserPermission[] {
    const wanted =
      resourceServerIdentifier === undefined ? undefined : this.audiences.toStored(resourceServerIdentifier);
    const merged = new Map<string, { audience: string; permission: string; roleIds: string[] }>();
    for (const row of this.s.userPermissions.all(userId)) {
      if (wanted !== undefined && row.audience !== wanted) continue;
      const key = `${row.audience}\u0000${row.permission}`;
      const entry = merged.get(key) ?? { audience: row.audience, permission: row.permission, roleIds: [] };
      entry.roleIds.push(row.role_id);
      merged.set(key, entry);
    }
    return [...merged.values()].map((entry) => ({ ...this.toPermission(entry), roleIds: entry.roleIds }));
  }

  forUser(userId: string, audience: string): readonly string[] {
    return this.s.forUser.all(userId, this.audiences.toStored(audience)).map((row) => row.permission);
  }

  private toPermission(row: { audience: string; permission: string }): RolePermission {
    return { resourceServerIdentifier: this.audiences.toWire(row.audience), permissionName: row.permission };
  }

  private mustFind(id: string): Role {
    const role = this.findById(id);
    if (!role) throw new Error('role vanished right after it was written');
    return role;
  }
}
