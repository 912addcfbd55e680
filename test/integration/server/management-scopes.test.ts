import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagementClient } from '../../support/server/management';
import { isManagementError, managementClient, managementToken } from '../../support/server/management';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';

/**
 * Every Management API route, with the scopes that let a caller in (any one of them) and, for routes
 * naming an object, a body that passes validation so that the unknown id is what the server reports.
 */
interface RouteCase {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly scopes: readonly string[];
  readonly body?: unknown;
  /** Whether the path names an object that does not exist (404 expected for an admin). */
  readonly unknownId?: boolean;
}

const ghostUser = encodeURIComponent('auth0|000000000000000000000000');
const permissions = {
  permissions: [{ resource_server_identifier: 'https://api.gatehouse.test/', permission_name: 'read:reports' }],
};

const routes: readonly RouteCase[] = [
  { method: 'GET', path: '/connections', scopes: ['read:connections'] },
  { method: 'GET', path: '/connections/con_ghost', scopes: ['read:connections'], unknownId: true },
  { method: 'POST', path: '/connections', scopes: ['create:connections'] },
  { method: 'PATCH', path: '/connections/con_ghost', scopes: ['update:connections'], body: {}, unknownId: true },
  { method: 'DELETE', path: '/connections/con_ghost', scopes: ['delete:connections'], unknownId: true },
  { method: 'GET', path: '/connections/con_ghost/clients', scopes: ['read:connections'], unknownId: true },
  {
    method: 'PATCH',
    path: '/connections/con_ghost/clients',
    scopes: ['update:connections'],
    body: [],
    unknownId: true,
  },
  {
    method: 'DELETE',
    path: '/connections/con_ghost/users?email=a%40b.test',
    scopes: ['delete:users'],
    unknownId: true,
  },
  { method: 'GET', path: '/clients', scopes: ['read:clients', 'read:client_keys'] },
  { method: 'GET', path: '/clients/ghost', scopes: ['read:clients', 'read:client_keys'], unknownId: true },
  {
    method: 'PATCH',
    path: '/clients/ghost',
    scopes: ['update:clients', 'update:client_keys'],
    body: {},
    unknownId: true,
  },
  { method: 'GET', path: '/client-grants', scopes: ['read:client_grants'] },
  { method: 'POST', path: '/client-grants', scopes: ['create:client_grants'] },
  { method: 'PATCH', path: '/client-grants/cgr_ghost', scopes: ['update:client_grants'], body: {}, unknownId: true },
  { method: 'DELETE', path: '/client-grants/cgr_ghost', scopes: ['delete:client_grants'], unknownId: true },
  { method: 'GET', path: '/anomaly/blocks/ips/10.9.8.7', scopes: ['read:anomaly_blocks'], unknownId: true },
  { method: 'DELETE', path: '/anomaly/blocks/ips/10.9.8.7', scopes: ['delete:anomaly_blocks'] },
  { method: 'GET', path: '/resource-servers', scopes: ['read:resource_servers'] },
  { method: 'GET', path: '/resource-servers/ghost', scopes: ['read:resource_servers'], unknownId: true },
  { method: 'POST', path: '/resource-servers', scopes: ['create:resource_servers'] },
  { method: 'PATCH', path: '/resource-servers/ghost', scopes: ['update:resource_servers'], body: {}, unknownId: true },
  { method: 'DELETE', path: '/resource-servers/ghost', scopes: ['delete:resource_servers'], unknownId: true },
  { method: 'GET', path: '/roles', scopes: ['read:roles'] },
  { method: 'GET', path: '/roles/rol_ghost', scopes: ['read:roles'], unknownId: true },
  { method: 'POST', path: '/roles', scopes: ['create:roles'] },
  { method: 'PATCH', path: '/roles/rol_ghost', scopes: ['update:roles'], body: {}, unknownId: true },
  { method: 'DELETE', path: '/roles/rol_ghost', scopes: ['delete:roles'], unknownId: true },
  { method: 'GET', path: '/roles/rol_ghost/permissions', scopes: ['read:roles'], unknownId: true },
  {
    method: 'POST',
    path: '/roles/rol_ghost/permissions',
    scopes: ['update:roles'],
    body: permissions,
    unknownId: true,
  },
  {
    method: 'DELETE',
    path: '/roles/rol_ghost/permissions',
    scopes: ['update:roles'],
    body: permissions,
    unknownId: true,
  },
  { method: 'GET', path: '/roles/rol_ghost/users', scopes: ['read:roles', 'read:role_members'], unknownId: true },
  {
    method: 'POST',
    path: '/roles/rol_ghost/users',
    scopes: ['update:roles', 'create:role_members'],
    body: { users: ['auth0|x'] },
    unknownId: true,
  },
  { method: 'GET', path: '/users', scopes: ['read:users'] },
  { method: 'GET', path: '/users-by-email?email=a%40b.test', scopes: ['read:users'] },
  { method: 'GET', path: `/users/${ghostUser}`, scopes: ['read:users'], unknownId: true },
  { method: 'POST', path: '/users', scopes: ['create:users'] },
  {
    method: 'PATCH',
    path: `/users/${ghostUser}`,
    scopes: ['update:users', 'update:users_app_metadata'],
    body: {},
    unknownId: true,
  },
  { method: 'DELETE', path: `/users/${ghostUser}`, scopes: ['delete:users'], unknownId: true },
  { method: 'GET', path: `/users/${ghostUser}/logs`, scopes: ['read:logs', 'read:logs_users'], unknownId: true },
  { method: 'GET', path: `/users/${ghostUser}/roles`, scopes: ['read:users', 'read:roles'], unknownId: true },
  {
    method: 'POST',
    path: `/users/${ghostUser}/roles`,
    scopes: ['update:users', 'create:role_members'],
    body: { roles: ['rol_x'] },
    unknownId: true,
  },
  {
    method: 'DELETE',
    path: `/users/${ghostUser}/roles`,
    scopes: ['update:users', 'delete:role_members'],
    body: { roles: ['rol_x'] },
    unknownId: true,
  },
  {
    method: 'GET',
    path: `/users/${ghostUser}/authenticators`,
    scopes: ['read:users', 'read:authentication_methods'],
    unknownId: true,
  },
  {
    method: 'DELETE',
    path: `/users/${ghostUser}/authenticators`,
    scopes: ['update:users', 'delete:guardian_enrollments'],
    unknownId: true,
  },
  {
    method: 'DELETE',
    path: `/users/${ghostUser}/authenticators/${encodeURIComponent('totp|dev_ghost')}`,
    scopes: ['update:users', 'delete:guardian_enrollments'],
    unknownId: true,
  },
  { method: 'GET', path: '/user-blocks?identifier=alice%40example.com', scopes: ['read:users'] },
  { method: 'DELETE', path: '/user-blocks?identifier=alice%40example.com', scopes: ['update:users'] },
  { method: 'GET', path: `/user-blocks/${ghostUser}`, scopes: ['read:users'], unknownId: true },
  { method: 'DELETE', path: `/user-blocks/${ghostUser}`, scopes: ['update:users'], unknownId: true },
  { method: 'GET', path: '/rules', scopes: ['read:rules'] },
  { method: 'GET', path: '/rules/rul_ghost', scopes: ['read:rules'], unknownId: true },
  { method: 'POST', path: '/rules', scopes: ['create:rules'] },
  { method: 'PATCH', path: '/rules/rul_ghost', scopes: ['update:rules'], body: {}, unknownId: true },
  { method: 'DELETE', path: '/rules/rul_ghost', scopes: ['delete:rules'], unknownId: true },
  { method: 'GET', path: '/rules/rul_ghost/history', scopes: ['read:rules'], unknownId: true },
  { method: 'POST', path: '/rules/rul_ghost/history/1/restore', scopes: ['update:rules'], unknownId: true },
  { method: 'POST', path: '/rules/try', scopes: ['create:rules', 'update:rules'] },
  { method: 'POST', path: '/actions/actions/try', scopes: ['create:actions', 'update:actions'] },
  { method: 'GET', path: '/actions/actions', scopes: ['read:actions'] },
  { method: 'GET', path: '/actions/actions/ghost', scopes: ['read:actions'], unknownId: true },
  { method: 'POST', path: '/actions/actions', scopes: ['create:actions'] },
  { method: 'PATCH', path: '/actions/actions/ghost', scopes: ['update:actions'], body: {}, unknownId: true },
  { method: 'DELETE', path: '/actions/actions/ghost', scopes: ['delete:actions'], unknownId: true },
  {
    method: 'POST',
    path: '/actions/actions/ghost/deploy',
    scopes: ['create:actions', 'update:actions'],
    unknownId: true,
  },
  { method: 'GET', path: '/actions/actions/ghost/versions', scopes: ['read:actions'], unknownId: true },
  { method: 'GET', path: '/actions/actions/ghost/versions/v', scopes: ['read:actions'], unknownId: true },
  {
    method: 'POST',
    path: '/actions/actions/ghost/versions/v/deploy',
    scopes: ['create:actions', 'update:actions'],
    unknownId: true,
  },
  { method: 'GET', path: '/actions/triggers', scopes: ['read:actions'] },
  { method: 'GET', path: '/actions/triggers/ghost-trigger/bindings', scopes: ['read:actions'], unknownId: true },
  {
    method: 'PATCH',
    path: '/actions/triggers/ghost-trigger/bindings',
    scopes: ['update:actions'],
    body: { bindings: [] },
    unknownId: true,
  },
  { method: 'GET', path: '/logs', scopes: ['read:logs', 'read:logs_users'] },
  { method: 'GET', path: '/logs/99999999', scopes: ['read:logs', 'read:logs_users'], unknownId: true },
  { method: 'GET', path: '/attack-protection/brute-force-protection', scopes: ['read:attack_protection'] },
  { method: 'PATCH', path: '/attack-protection/brute-force-protection', scopes: ['update:attack_protection'] },
  { method: 'GET', path: '/attack-protection/suspicious-ip-throttling', scopes: ['read:attack_protection'] },
  { method: 'PATCH', path: '/attack-protection/suspicious-ip-throttling', scopes: ['update:attack_protection'] },
  { method: 'GET', path: '/attack-protection/breached-password-detection', scopes: ['read:attack_protection'] },
  { method: 'PATCH', path: '/attack-protection/breached-password-detection', scopes: ['update:attack_protection'] },
];

let server: TestServer;
let noScopes: ManagementClient;
let admin: ManagementClient;
let anonymous: ManagementClient;

beforeAll(async () => {
  server = await startTestServer();
  // Alice holds no role, so RBAC gives her a Management API token without a single permission.
  noScopes = managementClient(server, await managementToken(server, 'alice'));
  admin = managementClient(server, await managementToken(server, 'admin'));
  anonymous = managementClient(server, undefined);
});
afterAll(() => server.close());

function send(client: ManagementClient, route: RouteCase) {
  const body = route.body ?? (route.method === 'POST' || route.method === 'PATCH' ? {} : undefined);
  switch (route.method) {
    case 'GET':
      return client.get(route.path);
    case 'POST':
      return client.post(route.path, body);
    case 'PATCH':
      return client.patch(route.path, body);
    case 'DELETE':
      return client.delete(route.path, body);
  }
}

describe('every Management API route', () => {
  it.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s answers 403 insufficient_scope with the exact body when the token lacks its scopes',
    async (_name, route) => {
      const response = await send(noScopes, route);

      expect(response.status).toBe(403);
      expect(response.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: `Insufficient scope, expected any of: ${route.scopes.join(',')}`,
        errorCode: 'insufficient_scope',
      });
    },
  );

  it.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s answers 401 without a token',
    async (_name, route) => {
      const response = await send(anonymous, route);

      expect(response.status).toBe(401);
      expect(response.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Missing authentication',
        errorCode: 'missing_authentication',
      });
    },
  );

  const named = routes.filter((route) => route.unknownId === true);
  it.each(named.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s answers 404 in the Management error shape for an unknown id',
    async (_name, route) => {
      const response = await send(admin, route);

      expect(response.status).toBe(404);
      expect(isManagementError(response.body, 404)).toBe(true);
      expect(String(response.json['errorCode'])).toMatch(/^inexistent_/);
    },
  );
});
