import type { Repositories } from '../storage/repositories';
import { MANAGEMENT_API_AUDIENCE_KEY } from '../storage/audience-keys';
import { managementApiScopes } from '../tenant/management-api';

/**
 * The demo tenant's roles, role assignments and machine-to-machine client grant (demo-tenant.md "Roles",
 * "Users" and "Clients"). DEMO DATA ONLY. Runs inside the demo seed's transaction, after the users exist.
 *
 * The Management API is named by its stored key because the issuer may not be known yet while seeding.
 */
const supportPermissions = [
  'read:users',
  'read:logs',
  'read:connections',
  'read:rules',
  'read:actions',
  'read:clients',
];

const assignments = [
  { email: 'admin@example.com', connection: 'employees', role: 'admin' },
  { email: 'support@example.com', connection: 'employees', role: 'support' },
] as const;

const onManagementApi = (permissionName: string) => ({
  resourceServerIdentifier: MANAGEMENT_API_AUDIENCE_KEY,
  permissionName,
});

/** Writes the roles, assigns them, and grants `gatehouse-admin-m2m` every Management API scope. */
export function seedDemoAccessControl(repos: Repositories): void {
  const admin = repos.roles.create({ name: 'admin', description: 'Every Management API permission' });
  repos.roles.addPermissions(admin.id, managementApiScopes.map(onManagementApi));
  const support = repos.roles.create({ name: 'support', description: 'Read-only admin pane and inspector' });
  repos.roles.addPermissions(support.id, supportPermissions.map(onManagementApi));

  const roles = { admin, support };
  for (const assignment of assignments) {
    const connection = repos.connections.findByName(assignment.connection);
    const user = connection && repos.users.findByIdentifier(connection.id, assignment.email);
    if (!user) throw new Error(`demo user ${assignment.email} is missing`);
    repos.roles.assignUsers(roles[assignment.role].id, [user.id]);
  }

  repos.clientGrants.create({
    clientId: 'gatehouse-admin-m2m',
    audience: MANAGEMENT_API_AUDIENCE_KEY,
    scope: managementApiScopes,
  });
}
