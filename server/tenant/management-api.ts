import type { ResourceServer } from './model';

/**
 * Auth0's Management API is a system API whose identifier is `<issuer>api/v2/` (auth0-wire.md §0). It is
 * computed from the issuer at run time rather than stored, because the issuer may change between runs
 * (`--port 0`, `--issuer`).
 */
export function managementApiIdentifier(issuer: string): string {
  return `${issuer}api/v2/`;
}

/** The Management API permissions the admin pane uses (demo-tenant.md "APIs"), plus their siblings. */
export const managementApiScopes: readonly string[] = [
  'read:connections',
  'create:connections',
  'update:connections',
  'delete:connections',
  'read:connections_options',
  'update:connections_options',
  'read:users',
  'create:users',
  'update:users',
  'delete:users',
  'read:rules',
  'create:rules',
  'update:rules',
  'delete:rules',
  'read:actions',
  'create:actions',
  'update:actions',
  'delete:actions',
  'read:logs',
  'read:logs_users',
  'read:clients',
  'create:clients',
  'update:clients',
  'delete:clients',
  'read:client_grants',
  'read:resource_servers',
  'create:resource_servers',
  'update:resource_servers',
  'delete:resource_servers',
  'read:attack_protection',
  'update:attack_protection',
  'read:roles',
  'create:roles',
  'update:roles',
  'delete:roles',
  'read:tenant_settings',
  'update:tenant_settings',
  // Routes of the Management API (issue #5) that the admin pane and the Deploy CLI also call.
  'create:client_grants',
  'update:client_grants',
  'delete:client_grants',
  'read:role_members',
  'create:role_members',
  'delete:role_members',
  'read:anomaly_blocks',
  'delete:anomaly_blocks',
  // Gatehouse extension (issue #4): read the local MFA outbox, which holds live codes.
  'read:mfa_outbox',
];

/**
 * The Management API as a resource server. RBAC is on (demo-tenant.md), so users get only what their
 * roles grant; offline access is off, as on Auth0.
 */
export function managementApi(issuer: string): ResourceServer {
  return {
    id: 'management-api',
    identifier: managementApiIdentifier(issuer),
    name: 'Auth0 Management API',
    scopes: managementApiScopes.map((value) => ({ value, description: value })),
    allowOfflineAccess: false,
    tokenLifetime: 86_400,
    signingAlg: 'RS256',
    enforcePolicies: true,
    tokenDialect: 'access_token',
    isSystem: true,
  };
}
