import { z } from 'zod';
import { AdminVia, checkpointPage, Done, offsetPage, PageRequest, ResourceId } from '../admin/admin-common.schema';
import {
  Client,
  ClientUpdate,
  ResourceServer,
  ResourceServerCreate,
  ResourceServerUpdate,
} from '../admin/client.schema';
import {
  Connection,
  ConnectionClient,
  ConnectionClientChange,
  ConnectionCreate,
  ConnectionUpdate,
} from '../admin/connection.schema';
import { DryRunInput, DryRunReport } from '../admin/dry-run.schema';
import {
  Action,
  ActionCreate,
  ActionUpdate,
  ActionVersion,
  Binding,
  BindingRef,
  Rule,
  RuleCreate,
  RuleRevision,
  RuleUpdate,
} from '../admin/extensibility.schema';
import {
  BruteForcePatch,
  BruteForceProtection,
  LogCheckpoint,
  LogEvent,
  LogSearch,
  SuspiciousIpPatch,
  SuspiciousIpThrottling,
} from '../admin/log.schema';
import {
  Authenticator,
  BlockTarget,
  PermissionRef,
  Permission,
  Role,
  RoleCreate,
  RoleMember,
  RoleUpdate,
  User,
  UserBlock,
  UserCreate,
  UserUpdate,
} from '../admin/user.schema';
import { channel } from './channel';

/**
 * The admin pane's channels (`admin:*`): the Management API v2 through main, which holds the token.
 * Every input may name its credentials (`via`); without it, the signed-in account that holds a token for
 * the Management API audience is used. Outputs are Auth0's objects as the schemas in common/admin name
 * them, which leave out every credential (client secrets, signing secrets, action secret values).
 */

/** An admin input: `via` plus the call's own fields, nothing else. */
const input = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ via: AdminVia.optional(), ...shape });
const none = input({});
const byId = input({ id: ResourceId });
const byUser = input({ userId: ResourceId });
const Ids = z.array(ResourceId).min(1).max(1000);
const IpAddress = z.union([z.ipv4(), z.ipv6()]);

/** What the chosen credentials may do: the pane shows only what these scopes allow (RBAC). */
export const AdminAccess = z.object({
  via: z.enum(['session', 'm2m']),
  profileId: z.string(),
  issuer: z.string(),
  /** The Management API audience, `<issuer>api/v2/`. */
  audience: z.string(),
  accountId: z.string().optional(),
  /** Who the token is for: the admin's user id, or `<client_id>@clients`. */
  subject: z.string().optional(),
  scopes: z.array(z.string()),
  /** When the token in use expires (epoch ms), when known. */
  expiresAt: z.number().int().optional(),
});
export type AdminAccess = z.infer<typeof AdminAccess>;

export const adminChannels = {
  access: channel('admin:access', none, AdminAccess),

  listConnections: channel(
    'admin:listConnections',
    input({ strategy: z.array(z.string().min(1).max(64)).max(20).optional(), name: z.string().max(128).optional() }),
    z.array(Connection),
  ),
  getConnection: channel('admin:getConnection', byId, Connection),
  createConnection: channel('admin:createConnection', input({ connection: ConnectionCreate }), Connection),
  updateConnection: channel('admin:updateConnection', input({ id: ResourceId, patch: ConnectionUpdate }), Connection),
  deleteConnection: channel('admin:deleteConnection', byId, Done),
  listConnectionClients: channel('admin:listConnectionClients', byId, z.array(ConnectionClient)),
  setConnectionClients: channel(
    'admin:setConnectionClients',
    input({ id: ResourceId, changes: z.array(ConnectionClientChange).min(1).max(50) }),
    Done,
  ),

  listClients: channel('admin:listClients', none, z.array(Client)),
  getClient: channel('admin:getClient', input({ clientId: ResourceId }), Client),
  updateClient: channel('admin:updateClient', input({ clientId: ResourceId, patch: ClientUpdate }), Client),

  listResourceServers: channel('admin:listResourceServers', none, z.array(ResourceServer)),
  getResourceServer: channel('admin:getResourceServer', byId, ResourceServer),
  createResourceServer: channel(
    'admin:createResourceServer',
    input({ resourceServer: ResourceServerCreate }),
    ResourceServer,
  ),
  updateResourceServer: channel(
    'admin:updateResourceServer',
    input({ id: ResourceId, patch: ResourceServerUpdate }),
    ResourceServer,
  ),
  deleteResourceServer: channel('admin:deleteResourceServer', byId, Done),

  listRoles: channel('admin:listRoles', input({ nameFilter: z.string().max(50).optional() }), z.array(Role)),
  getRole: channel('admin:getRole', byId, Role),
  createRole: channel('admin:createRole', input({ role: RoleCreate }), Role),
  updateRole: channel('admin:updateRole', input({ id: ResourceId, patch: RoleUpdate }), Role),
  deleteRole: channel('admin:deleteRole', byId, Done),
  listRolePermissions: channel('admin:listRolePermissions', byId, z.array(Permission)),
  addRolePermissions: channel(
    'admin:addRolePermissions',
    input({ id: ResourceId, permissions: z.array(PermissionRef).min(1).max(1000) }),
    Done,
  ),
  removeRolePermissions: channel(
    'admin:removeRolePermissions',
    input({ id: ResourceId, permissions: z.array(PermissionRef).min(1).max(1000) }),
    Done,
  ),
  listRoleUsers: channel('admin:listRoleUsers', input({ id: ResourceId, ...PageRequest }), offsetPage(RoleMember)),
  assignRoleUsers: channel('admin:assignRoleUsers', input({ id: ResourceId, userIds: Ids }), Done),

  listUsers: channel(
    'admin:listUsers',
    input({
      q: z.string().max(1024).optional(),
      realm: z.string().max(128).optional(),
      sort: z
        .string()
        .regex(/^[a-z_]{1,32}:-?1$/)
        .optional(),
      ...PageRequest,
    }),
    offsetPage(User),
  ),
  getUser: channel('admin:getUser', byUser, User),
  createUser: channel('admin:createUser', input({ user: UserCreate }), User),
  updateUser: channel('admin:updateUser', input({ userId: ResourceId, patch: UserUpdate }), User),
  deleteUser: channel('admin:deleteUser', byUser, Done),
  /** Admin block: sign-ins fail and the user's refresh tokens are revoked by the server. */
  blockUser: channel('admin:blockUser', byUser, User),
  unblockUser: channel('admin:unblockUser', byUser, User),
  /** The new password travels in, never out; the server ends the user's sessions. */
  resetPassword: channel(
    'admin:resetPassword',
    input({ userId: ResourceId, password: z.string().min(1).max(1024), connection: z.string().max(128).optional() }),
    User,
  ),
  listUserLogs: channel('admin:listUserLogs', input({ userId: ResourceId, ...PageRequest }), offsetPage(LogEvent)),
  listUserRoles: channel('admin:listUserRoles', byUser, z.array(Role)),
  assignUserRoles: channel('admin:assignUserRoles', input({ userId: ResourceId, roleIds: Ids }), Done),
  removeUserRoles: channel('admin:removeUserRoles', input({ userId: ResourceId, roleIds: Ids }), Done),
  listUserAuthenticators: channel('admin:listUserAuthenticators', byUser, z.array(Authenticator)),
  /** Without `authenticatorId`: every enrolment (an MFA reset). */
  deleteUserAuthenticators: channel(
    'admin:deleteUserAuthenticators',
    input({ userId: ResourceId, authenticatorId: ResourceId.optional() }),
    Done,
  ),

  /** Brute-force blocks (not the admin block), by login identifier or user id. */
  listBlocks: channel('admin:listBlocks', input({ target: BlockTarget }), z.array(UserBlock)),
  clearBlocks: channel('admin:clearBlocks', input({ target: BlockTarget }), Done),
  /** Suspicious-IP throttling (per address, many accounts): is the address blocked, and lift it. */
  checkIpBlock: channel('admin:checkIpBlock', input({ ip: IpAddress }), z.object({ blocked: z.boolean() })),
  clearIpBlock: channel('admin:clearIpBlock', input({ ip: IpAddress }), Done),

  listRules: channel('admin:listRules', input({ enabled: z.boolean().optional() }), z.array(Rule)),
  getRule: channel('admin:getRule', byId, Rule),
  createRule: channel('admin:createRule', input({ rule: RuleCreate }), Rule),
  /** Also enables and disables (`enabled`). */
  updateRule: channel('admin:updateRule', input({ id: ResourceId, patch: RuleUpdate }), Rule),
  deleteRule: channel('admin:deleteRule', byId, Done),
  /** Every rule id once, in the new order; answers the rules in that order. */
  reorderRules: channel('admin:reorderRules', input({ ids: Ids }), z.array(Rule)),
  listRuleHistory: channel('admin:listRuleHistory', byId, z.array(RuleRevision)),
  restoreRule: channel('admin:restoreRule', input({ id: ResourceId, revision: z.number().int().min(0) }), Rule),

  listActions: channel(
    'admin:listActions',
    input({ triggerId: z.string().max(64).optional(), deployed: z.boolean().optional() }),
    z.array(Action),
  ),
  getAction: channel('admin:getAction', byId, Action),
  createAction: channel('admin:createAction', input({ action: ActionCreate }), Action),
  updateAction: channel('admin:updateAction', input({ id: ResourceId, patch: ActionUpdate }), Action),
  deleteAction: channel('admin:deleteAction', input({ id: ResourceId, force: z.boolean().optional() }), Done),
  deployAction: channel('admin:deployAction', byId, ActionVersion),
  listActionVersions: channel('admin:listActionVersions', byId, z.array(ActionVersion)),
  /** Without `versionId`: the version before the deployed one. */
  rollbackAction: channel(
    'admin:rollbackAction',
    input({ id: ResourceId, versionId: ResourceId.optional() }),
    ActionVersion,
  ),
  listBindings: channel('admin:listBindings', input({ triggerId: z.string().max(64).optional() }), z.array(Binding)),
  setBindings: channel(
    'admin:setBindings',
    input({ triggerId: z.string().max(64).optional(), bindings: z.array(BindingRef).max(50) }),
    z.array(Binding),
  ),

  searchLogs: channel('admin:searchLogs', LogSearch.extend({ via: AdminVia.optional() }), offsetPage(LogEvent)),
  /** Checkpoint reads for a live tail: call again with `next` as `from`. */
  readLogs: channel('admin:readLogs', LogCheckpoint.extend({ via: AdminVia.optional() }), checkpointPage(LogEvent)),
  getLog: channel('admin:getLog', input({ logId: ResourceId }), LogEvent),

  getBruteForce: channel('admin:getBruteForce', none, BruteForceProtection),
  updateBruteForce: channel('admin:updateBruteForce', input({ patch: BruteForcePatch }), BruteForceProtection),
  getSuspiciousIp: channel('admin:getSuspiciousIp', none, SuspiciousIpThrottling),
  updateSuspiciousIp: channel('admin:updateSuspiciousIp', input({ patch: SuspiciousIpPatch }), SuspiciousIpThrottling),

  /** Test-runs a rule (saved, unsaved source, or the pipeline) against a made-up login. */
  tryRule: channel('admin:tryRule', DryRunInput.extend({ via: AdminVia.optional() }), DryRunReport),
  tryAction: channel('admin:tryAction', DryRunInput.extend({ via: AdminVia.optional() }), DryRunReport),
} as const;
