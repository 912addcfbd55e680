import type { AppResult } from '../../../common/errors/app-error';
import {
  Permission,
  Role,
  RoleMember,
  type PermissionRef,
  type RoleCreate,
  type RoleUpdate,
} from '../../../common/admin/user.schema';
import { ok } from '../../../common/result';
import type { ManagementTransport } from '../management-transport';
import { fetchAllOffset, fetchOffsetPage, op, type PageInput } from './api-helpers';

/** `/roles` with their permissions and members (Auth0 RBAC: what a user's Management token may do). */
export class RolesApi {
  constructor(private readonly transport: ManagementTransport) {}

  list(nameFilter?: string): Promise<AppResult<Role[]>> {
    return fetchAllOffset(this.transport, {
      request: { path: ['roles'], query: { name_filter: nameFilter }, operation: op('list the roles', 'role') },
      key: 'roles',
      item: Role,
    });
  }

  async get(id: string): Promise<AppResult<Role>> {
    const reply = await this.transport.call(
      { method: 'GET', path: ['roles', id], operation: op('read the role', 'role') },
      Role,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  async create(input: RoleCreate): Promise<AppResult<Role>> {
    const reply = await this.transport.call(
      { method: 'POST', path: ['roles'], body: input, operation: op('create the role', 'role') },
      Role,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  async update(id: string, patch: RoleUpdate): Promise<AppResult<Role>> {
    const reply = await this.transport.call(
      { method: 'PATCH', path: ['roles', id], body: patch, operation: op('update the role', 'role') },
      Role,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  delete(id: string) {
    return this.transport.run({ method: 'DELETE', path: ['roles', id], operation: op('delete the role', 'role') });
  }

  permissions(id: string): Promise<AppResult<Permission[]>> {
    return fetchAllOffset(this.transport, {
      request: { path: ['roles', id, 'permissions'], operation: op('list the role’s permissions', 'role') },
      key: 'permissions',
      item: Permission,
    });
  }

  addPermissions(id: string, permissions: readonly PermissionRef[]) {
    return this.transport.run({
      method: 'POST',
      path: ['roles', id, 'permissions'],
      body: { permissions },
      operation: op('add permissions to the role', 'role'),
    });
  }

  removePermissions(id: string, permissions: readonly PermissionRef[]) {
    return this.transport.run({
      method: 'DELETE',
      path: ['roles', id, 'permissions'],
      body: { permissions },
      operation: op('remove permissions from the role', 'role'),
    });
  }

  /** One page of the role's members. */
  users(id: string, input: PageInput = {}) {
    return fetchOffsetPage(
      this.transport,
      {
        request: { path: ['roles', id, 'users'], operation: op('list the role’s users', 'role') },
        key: 'users',
        item: RoleMember,
      },
      input,
    );
  }

  assignUsers(id: string, userIds: readonly string[]) {
    return this.transport.run({
      method: 'POST',
      path: ['roles', id, 'users'],
      body: { users: userIds },
      operation: op('assign users to the role', 'role'),
    });
  }
}
