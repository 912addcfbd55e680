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
import { DryRunInput, DryRunReport, ScriptRef } from '../admin/dry-run.schema';
import { AppError } from '../errors/app-error';
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
import { SignInInput } from './auth.contract';
import { channel } from './channel';
import { MfaStatus } from './mfa.contract';

/**
 * The admin pane's channels (`admin:*`): the Management API v2 through main, which holds the token.
 * Every input may name its credentials (`via`); without it, the admin step-up of the active account (else
 * the latest step-up) is used. Outputs are Auth0's objects as the schemas in common/admin name them, which
 * leave out every credential (client secrets, signing secrets, action secret values).
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

/**
 * Step-up (design/features.md item 7): admin power comes from a separate, short-lived Management API token
 * obtained with the password again, held in main's memory only, never refreshed, and dropped on sign-out,
 * "sign out of all", the idle lock, `admin:stepDown` or its expiry. The everyday session is not touched.
 * Whose access: a signed-in account (`<profileId>/<realm>/<username>`), or a profile, realm and user.
 */
export const StepUpInput = z.union([
  z.strictObject({ accountId: z.string().min(1).max(512), password: SignInInput.shape.password }),
  z.strictObject({
    profileId: SignInInput.shape.profileId,
    realm: SignInInput.shape.realm,
    username: SignInInput.shape.username,
    password: SignInInput.shape.password,
  }),
]);
export type StepUpInput = z.infer<typeof StepUpInput>;

/** Admin access (no token), or a second factor to give first; the `mfa_token` stays in main. */
export const StepUpOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('stepped_up'), access: AdminAccess }),
  z.object({ status: z.literal('mfa_required'), mfa: MfaStatus }),
]);
export type StepUpOutcome = z.infer<typeof StepUpOutcome>;

/** The second factor that completes a step-up: a TOTP code, an out-of-band approval or code, a recovery code. */
export const StepUpFactor = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('otp'), otp: z.string().regex(/^\d{6}$/, 'six digits') }),
  z.strictObject({ type: z.literal('oob'), bindingCode: z.string().max(20).optional() }),
  z.strictObject({ type: z.literal('recovery'), recoveryCode: z.string().min(8).max(64) }),
]);
export type StepUpFactor = z.infer<typeof StepUpFactor>;

/** Test credentials for `admin:trySignIn`: a realm, a user of it, a password; never stored, never logged. */
export const TrySignInInput = z.strictObject({
  via: AdminVia.optional(),
  realm: SignInInput.shape.realm.unwrap(),
  username: SignInInput.shape.username,
  password: SignInInput.shape.password,
});
export type TrySignInInput = z.infer<typeof TrySignInInput>;

/** One claim of the test sign-in's tokens, with the rule or action that set it when the dry run knows. */
export const TriedClaim = z.object({
  token: z.enum(['id', 'access']),
  name: z.string(),
  value: z.json(),
  setBy: ScriptRef.optional(),
});
export type TriedClaim = z.infer<typeof TriedClaim>;

/**
 * What a test sign-in came to. It makes no session: the tokens are decoded in main and dropped, and the
 * refresh token, if any, is revoked at once (`refreshTokenRevoked`).
 */
export const TrySignInOutcome = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('signed_in'),
    userId: z.string(),
    scope: z.array(z.string()),
    claims: z.array(TriedClaim),
    /** `revoked` at once; `none` when the server gave none; `revoke_failed` says so plainly in the pane. */
    refreshTokenFate: z.enum(['none', 'revoked', 'revoke_failed']),
    /** Why the claims have no sources, when the dry run could not be read (plain words). */
    provenanceProblem: z.string().optional(),
  }),
  z.object({ status: z.literal('refused'), error: AppError }),
]);
export type TrySignInOutcome = z.infer<typeof TrySignInOutcome>;

const StepUpTransaction = { transactionId: z.string().min(1).max(100) };

export const adminChannels = {
  access: channel('admin:access', none, AdminAccess),

  /** Gets admin access with the password again (and MFA when the server asks). */
  stepUp: channel('admin:stepUp', StepUpInput, StepUpOutcome),
  stepUpChallenge: channel(
    'admin:stepUpChallenge',
    z.strictObject({ ...StepUpTransaction, authenticatorId: z.string().max(200).optional() }),
    z.object({ challengeType: z.enum(['otp', 'oob']), bindingMethod: z.string().optional() }),
  ),
  stepUpVerify: channel(
    'admin:stepUpVerify',
    z.strictObject({ ...StepUpTransaction, factor: StepUpFactor }),
    z.object({ access: AdminAccess, newRecoveryCode: z.string().optional() }),
  ),
  stepUpCancel: channel('admin:stepUpCancel', z.strictObject(StepUpTransaction), z.object({ cancelled: z.boolean() })),
  /** Ends one account's admin access now (without `accountId`: every admin access). */
  stepDown: channel(
    'admin:stepDown',
    z.strictObject({ accountId: z.string().min(1).max(512).optional() }),
    z.object({ steppedDown: z.number().int() }),
  ),

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

  /** Signs a test user in without making a session; see TrySignInOutcome. */
  trySignIn: channel('admin:trySignIn', TrySignInInput, TrySignInOutcome),

  getBruteForce: channel('admin:getBruteForce', none, BruteForceProtection),
  updateBruteForce: channel('admin:updateBruteForce', input({ patch: BruteForcePatch }), BruteForceProtection),
  getSuspiciousIp: channel('admin:getSuspiciousIp', none, SuspiciousIpThrottling),
  updateSuspiciousIp: channel('admin:updateSuspiciousIp', input({ patch: SuspiciousIpPatch }), SuspiciousIpThrottling),

  /** Test-runs a rule (saved, unsaved source, or the pipeline) against a made-up login. */
  tryRule: channel('admin:tryRule', DryRunInput.extend({ via: AdminVia.optional() }), DryRunReport),
  tryAction: channel('admin:tryAction', DryRunInput.extend({ via: AdminVia.optional() }), DryRunReport),
} as const;
