import type { z } from 'zod';
import { appError, type AppResult } from '../../common/errors/app-error';
import type { adminChannels } from '../../common/ipc/admin.contract';
import type { ChannelSpec } from '../../common/ipc/channel';
import { err, ok } from '../../common/result';
import { parseAccountId, type AccountRef } from '../session/account-id';
import type { AdminService } from './admin-service';

/** One service call per `admin:*` channel, typed from the contract (as main/ipc/ipc-router.ts expects). */
export type AdminHandlers = {
  readonly [V in keyof typeof adminChannels]: (typeof adminChannels)[V] extends ChannelSpec<string, infer In, infer Out>
    ? (input: z.output<In>) => Promise<AppResult<z.input<Out>>>
    : never;
};

const done = { done: true } as const;
const asDone = async (result: Promise<AppResult<unknown>>): Promise<AppResult<typeof done>> => {
  const outcome = await result;
  return outcome.ok ? ok(done) : outcome;
};
const page = (input: { page?: number | undefined; perPage?: number | undefined }) => ({
  page: input.page,
  perPage: input.perPage,
});

/**
 * The `admin:*` handlers: each picks the credentials (`via`) and makes one typed Management API call.
 * Main/ipc registers this object as the `admin` domain; the router checks senders and schemas.
 */
export function createAdminHandlers(admin: AdminService): AdminHandlers {
  return {
    access: (input) => admin.run(input.via, (_client, connection) => connection.access()),

    stepUp: (input) =>
      admin.stepUp(async (stepUp) => {
        const ref: AccountRef | null =
          'accountId' in input
            ? parseAccountId(input.accountId)
            : { profileId: input.profileId, realm: input.realm, username: input.username };
        if (ref === null) return err(appError('invalid_input', 'That is not an account id (profile/realm/user).'));
        return stepUp.stepUp(ref, input.password);
      }),
    stepUpChallenge: (input) => admin.stepUp((s) => s.challenge(input.transactionId, input.authenticatorId)),
    stepUpVerify: (input) => admin.stepUp((s) => s.verify(input.transactionId, input.factor)),
    stepUpCancel: async (input) => ok({ cancelled: admin.cancelStepUp(input.transactionId) }),
    stepDown: async (input) => ok({ steppedDown: admin.stepDown(input.accountId) }),

    listConnections: (input) =>
      admin.run(input.via, (c) =>
        c.connections.list({
          ...(input.strategy === undefined ? {} : { strategy: input.strategy }),
          ...(input.name === undefined ? {} : { name: input.name }),
        }),
      ),
    getConnection: (input) => admin.run(input.via, (c) => c.connections.get(input.id)),
    createConnection: (input) => admin.run(input.via, (c) => c.connections.create(input.connection)),
    updateConnection: (input) => admin.run(input.via, (c) => c.connections.update(input.id, input.patch)),
    deleteConnection: (input) => admin.run(input.via, (c) => asDone(c.connections.delete(input.id))),
    listConnectionClients: (input) => admin.run(input.via, (c) => c.connections.clients(input.id)),
    setConnectionClients: (input) =>
      admin.run(input.via, (c) => asDone(c.connections.setClients(input.id, input.changes))),

    listClients: (input) => admin.run(input.via, (c) => c.clients.list()),
    getClient: (input) => admin.run(input.via, (c) => c.clients.get(input.clientId)),
    updateClient: (input) => admin.run(input.via, (c) => c.clients.update(input.clientId, input.patch)),

    listResourceServers: (input) => admin.run(input.via, (c) => c.resourceServers.list()),
    getResourceServer: (input) => admin.run(input.via, (c) => c.resourceServers.get(input.id)),
    createResourceServer: (input) => admin.run(input.via, (c) => c.resourceServers.create(input.resourceServer)),
    updateResourceServer: (input) => admin.run(input.via, (c) => c.resourceServers.update(input.id, input.patch)),
    deleteResourceServer: (input) => admin.run(input.via, (c) => asDone(c.resourceServers.delete(input.id))),

    listRoles: (input) => admin.run(input.via, (c) => c.roles.list(input.nameFilter)),
    getRole: (input) => admin.run(input.via, (c) => c.roles.get(input.id)),
    createRole: (input) => admin.run(input.via, (c) => c.roles.create(input.role)),
    updateRole: (input) => admin.run(input.via, (c) => c.roles.update(input.id, input.patch)),
    deleteRole: (input) => admin.run(input.via, (c) => asDone(c.roles.delete(input.id))),
    listRolePermissions: (input) => admin.run(input.via, (c) => c.roles.permissions(input.id)),
    addRolePermissions: (input) =>
      admin.run(input.via, (c) => asDone(c.roles.addPermissions(input.id, input.permissions))),
    removeRolePermissions: (input) =>
      admin.run(input.via, (c) => asDone(c.roles.removePermissions(input.id, input.permissions))),
    listRoleUsers: (input) => admin.run(input.via, (c) => c.roles.users(input.id, page(input))),
    assignRoleUsers: (input) => admin.run(input.via, (c) => asDone(c.roles.assignUsers(input.id, input.userIds))),

    listUsers: (input) =>
      admin.run(input.via, (c) => c.users.search({ q: input.q, realm: input.realm, sort: input.sort, ...page(input) })),
    getUser: (input) => admin.run(input.via, (c) => c.users.get(input.userId)),
    createUser: (input) => admin.run(input.via, (c) => c.users.create(input.user)),
    updateUser: (input) => admin.run(input.via, (c) => c.users.update(input.userId, input.patch)),
    deleteUser: (input) => admin.run(input.via, (c) => asDone(c.users.delete(input.userId))),
    blockUser: (input) => admin.run(input.via, (c) => c.users.block(input.userId)),
    unblockUser: (input) => admin.run(input.via, (c) => c.users.unblock(input.userId)),
    resetPassword: (input) =>
      admin.run(input.via, (c) => c.users.setPassword(input.userId, input.password, input.connection)),
    listUserLogs: (input) => admin.run(input.via, (c) => c.users.logs(input.userId, page(input))),
    listUserRoles: (input) => admin.run(input.via, (c) => c.users.roles(input.userId)),
    assignUserRoles: (input) => admin.run(input.via, (c) => asDone(c.users.assignRoles(input.userId, input.roleIds))),
    removeUserRoles: (input) => admin.run(input.via, (c) => asDone(c.users.removeRoles(input.userId, input.roleIds))),
    listUserAuthenticators: (input) => admin.run(input.via, (c) => c.users.authenticators(input.userId)),
    deleteUserAuthenticators: (input) =>
      admin.run(input.via, (c) => asDone(c.users.deleteAuthenticators(input.userId, input.authenticatorId))),

    listBlocks: (input) => admin.run(input.via, (c) => c.userBlocks.list(input.target)),
    clearBlocks: (input) => admin.run(input.via, (c) => asDone(c.userBlocks.clear(input.target))),
    checkIpBlock: (input) =>
      admin.run(input.via, async (c) => {
        const blocked = await c.userBlocks.isIpBlocked(input.ip);
        return blocked.ok ? ok({ blocked: blocked.value }) : blocked;
      }),
    clearIpBlock: (input) => admin.run(input.via, (c) => asDone(c.userBlocks.clearIp(input.ip))),

    listRules: (input) =>
      admin.run(input.via, (c) => c.rules.list(input.enabled === undefined ? {} : { enabled: input.enabled })),
    getRule: (input) => admin.run(input.via, (c) => c.rules.get(input.id)),
    createRule: (input) => admin.run(input.via, (c) => c.rules.create(input.rule)),
    updateRule: (input) => admin.run(input.via, (c) => c.rules.update(input.id, input.patch)),
    deleteRule: (input) => admin.run(input.via, (c) => asDone(c.rules.delete(input.id))),
    reorderRules: (input) => admin.run(input.via, (c) => c.rules.reorder(input.ids)),
    listRuleHistory: (input) => admin.run(input.via, (c) => c.rules.history(input.id)),
    restoreRule: (input) => admin.run(input.via, (c) => c.rules.restore(input.id, input.revision)),

    listActions: (input) =>
      admin.run(input.via, (c) =>
        c.actions.list({
          ...(input.triggerId === undefined ? {} : { triggerId: input.triggerId }),
          ...(input.deployed === undefined ? {} : { deployed: input.deployed }),
        }),
      ),
    getAction: (input) => admin.run(input.via, (c) => c.actions.get(input.id)),
    createAction: (input) => admin.run(input.via, (c) => c.actions.create(input.action)),
    updateAction: (input) => admin.run(input.via, (c) => c.actions.update(input.id, input.patch)),
    deleteAction: (input) => admin.run(input.via, (c) => asDone(c.actions.delete(input.id, input.force ?? false))),
    deployAction: (input) => admin.run(input.via, (c) => c.actions.deploy(input.id)),
    listActionVersions: (input) => admin.run(input.via, (c) => c.actions.versions(input.id)),
    rollbackAction: (input) => admin.run(input.via, (c) => c.actions.rollback(input.id, input.versionId)),
    listBindings: (input) => admin.run(input.via, (c) => c.actions.bindings(input.triggerId)),
    setBindings: (input) => admin.run(input.via, (c) => c.actions.setBindings(input.bindings, input.triggerId)),

    searchLogs: ({ via, ...search }) => admin.run(via, (c) => c.logs.search(search)),
    readLogs: (input) => admin.run(input.via, (c) => c.logs.since(input.from, input.take)),
    getLog: (input) => admin.run(input.via, (c) => c.logs.get(input.logId)),

    trySignIn: (input) => admin.trySignIn(input),
    getBruteForce: (input) => admin.run(input.via, (c) => c.attackProtection.bruteForce()),
    updateBruteForce: (input) => admin.run(input.via, (c) => c.attackProtection.updateBruteForce(input.patch)),
    getSuspiciousIp: (input) => admin.run(input.via, (c) => c.attackProtection.suspiciousIp()),
    updateSuspiciousIp: (input) => admin.run(input.via, (c) => c.attackProtection.updateSuspiciousIp(input.patch)),

    tryRule: ({ via, ...dry }) => admin.run(via, (c) => c.dryRun.tryRule(dry)),
    tryAction: ({ via, ...dry }) => admin.run(via, (c) => c.dryRun.tryAction(dry)),
  };
}
