import { z } from 'zod';
import type { Role, RolePermission } from '../storage/role-repository';
import { RoleNameTakenError } from '../storage/role-repository';
import type { ManagementDependencies } from './dependencies';
import { mgmtErrors } from './errors';
import {
  checkpointQueryShape,
  checkpointRequest,
  encodeCheckpoint,
  pageBody,
  pageQueryShape,
  pageRequest,
  wantsCheckpoint,
} from './pagination';
import type { ManagementCall, ManagementRoute } from './route';
import { userWire } from './user-wire';
import { parseBody, parseQuery, queryString, text } from './validation';

const RoleName = text(50).min(1);
const Create = z.object({ name: RoleName, description: text(140).optional() });
const Patch = z.object({ name: RoleName.optional(), description: text(140).optional() });
const Permissions = z.object({
  permissions: z
    .array(z.object({ resource_server_identifier: text(600).min(1), permission_name: text(280).min(1) }))
    .min(1)
    .max(1000),
});
const Users = z.object({ users: z.array(z.string().min(1).max(100)).min(1).max(1000) });
const ListQuery = z.object({ ...pageQueryShape, name_filter: queryString.optional() });
const PageQuery = z.object(pageQueryShape);
const MembersQuery = z.object({ ...pageQueryShape, ...checkpointQueryShape });

/** Auth0's role object. */
export function roleWire(role: Role) {
  return { id: role.id, name: role.name, description: role.description };
}

/** The Management API's roles, their permissions and their users (Auth0 RBAC). */
export function roleRoutes(deps: ManagementDependencies): ManagementRoute[] {
  const roles = deps.repos.roles;
  const find = (call: ManagementCall): Role => {
    const id = call.params['id'];
    const role = id === undefined ? undefined : roles.findById(id);
    if (!role) throw mgmtErrors.notFound('role', 'inexistent_role');
    return role;
  };
  const nameTaken = () => mgmtErrors.conflict('role_conflict', 'A role with this name already exists');

  /** Permissions must name an existing API and one of its scopes. */
  const checkPermissions = (items: z.infer<typeof Permissions>['permissions']): RolePermission[] =>
    items.map((item) => {
      const api = deps.resourceServers.findByIdentifier(item.resource_server_identifier);
      if (!api) throw mgmtErrors.notFound('resource server', 'inexistent_resource_server');
      if (!api.scopes.some((scope) => scope.value === item.permission_name)) {
        throw mgmtErrors.badRequest(
          'invalid_body',
          `Permission ${item.permission_name} does not exist on resource server ${api.identifier}`,
        );
      }
      return { resourceServerIdentifier: api.identifier, permissionName: item.permission_name };
    });

  const permissionWire = (permission: RolePermission) => {
    const api = deps.resourceServers.findByIdentifier(permission.resourceServerIdentifier);
    const scope = api?.scopes.find((candidate) => candidate.value === permission.permissionName);
    return {
      permission_name: permission.permissionName,
      description: scope?.description ?? '',
      resource_server_name: api?.name ?? permission.resourceServerIdentifier,
      resource_server_identifier: permission.resourceServerIdentifier,
    };
  };

  return [
    {
      method: 'GET',
      url: '/roles',
      scopes: ['read:roles'],
      handler(call) {
        const query = parseQuery(ListQuery, call.query);
        const request = pageRequest(query);
        const page = roles.list({
          offset: request.page * request.perPage,
          limit: request.perPage,
          ...(query.name_filter !== undefined && { nameFilter: query.name_filter }),
        });
        return pageBody('roles', page.items.map(roleWire), page.total, request);
      },
    },
    { method: 'GET', url: '/roles/:id', scopes: ['read:roles'], handler: (call) => roleWire(find(call)) },
    {
      method: 'POST',
      url: '/roles',
      scopes: ['create:roles'],
      description: 'Create a role',
      handler(call) {
        const body = parseBody(Create, call.body);
        return call.commit(() => {
          try {
            return roleWire(
              roles.create({
                name: body.name,
                ...(body.description !== undefined && { description: body.description }),
              }),
            );
          } catch (error) {
            if (error instanceof RoleNameTakenError) throw nameTaken();
            throw error;
          }
        });
      },
    },
    {
      method: 'PATCH',
      url: '/roles/:id',
      scopes: ['update:roles'],
      description: 'Update a role',
      handler(call) {
        const body = parseBody(Patch, call.body);
        return call.commit(() => {
          const role = find(call);
          try {
            return roleWire(roles.update(role.id, body) ?? role);
          } catch (error) {
            if (error instanceof RoleNameTakenError) throw nameTaken();
            throw error;
          }
        });
      },
    },
    {
      method: 'DELETE',
      url: '/roles/:id',
      scopes: ['delete:roles'],
      description: 'Delete a role',
      handler(call) {
        call.commit(() => roles.delete(find(call).id));
      },
    },
    {
      method: 'GET',
      url: '/roles/:id/permissions',
      scopes: ['read:roles'],
      handler(call) {
        const request = pageRequest(parseQuery(PageQuery, call.query));
        const page = roles.listPermissions(find(call).id, {
          offset: request.page * request.perPage,
          limit: request.perPage,
        });
        return pageBody('permissions', page.items.map(permissionWire), page.total, request);
      },
    },
    {
      method: 'POST',
      url: '/roles/:id/permissions',
      scopes: ['update:roles'],
      description: 'Associate permissions with a role',
      status: 201,
      handler(call) {
        const body = parseBody(Permissions, call.body);
        call.commit(() => roles.addPermissions(find(call).id, checkPermissions(body.permissions)));
      },
    },
    {
      method: 'DELETE',
      url: '/roles/:id/permissions',
      scopes: ['update:roles'],
      description: 'Remove permissions from a role',
      handler(call) {
        const body = parseBody(Permissions, call.body);
        call.commit(() => {
          const role = find(call);
          roles.removePermissions(
            role.id,
            body.permissions.map((item) => ({
              resourceServerIdentifier: item.resource_server_identifier,
              permissionName: item.permission_name,
            })),
          );
        });
      },
    },
    {
      method: 'GET',
      url: '/roles/:id/users',
      scopes: ['read:roles', 'read:role_members'],
      handler(call) {
        const query = parseQuery(MembersQuery, call.query);
        const role = find(call);
        const member = (userId: string) => {
          const user = deps.admin.users.findById(userId);
          const wire = user ? userWire(user, false) : { user_id: `auth0|${userId}` };
          return { user_id: wire['user_id'], email: wire['email'], name: wire['name'], picture: wire['picture'] };
        };
        if (wantsCheckpoint(query)) {
          const { after, take } = checkpointRequest(query);
          const ids = roles.listUserIds(role.id).items.filter((id) => after === undefined || id > after);
          const page = ids.slice(0, take);
          const last = page[page.length - 1];
          return {
            users: page.map(member),
            ...(ids.length > take && last !== undefined && { next: encodeCheckpoint(last) }),
          };
        }
        const request = pageRequest(query);
        const page = roles.listUserIds(role.id, { offset: request.page * request.perPage, limit: request.perPage });
        return pageBody('users', page.items.map(member), page.total, request);
      },
    },
    {
      method: 'POST',
      url: '/roles/:id/users',
      scopes: ['update:roles', 'create:role_members'],
      description: 'Assign users to a role',
      handler(call) {
        const body = parseBody(Users, call.body);
        call.commit(() => {
          const role = find(call);
          const ids = body.users.map((wireId) => {
            const id = wireId.startsWith('auth0|') ? wireId.slice('auth0|'.length) : undefined;
            if (id === undefined || !deps.admin.users.findById(id)) {
              throw mgmtErrors.badRequest('invalid_body', `The user ${wireId.slice(0, 100)} does not exist.`);
            }
            return id;
          });
          roles.assignUsers(role.id, ids);
        });
      },
    },
  ];
}
