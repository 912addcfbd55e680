import type { ColorSchemeChoice } from '../../common/settings/color-scheme';
import type { ApiCallInput } from '../../common/ipc/api.contract';
import type { SignInRequest } from '../../common/ipc/auth.contract';
import type { DiffTokenRef, TokenRef, VerifyInput } from '../../common/ipc/inspect.contract';
import type { MfaEnrolInput } from '../../common/ipc/mfa.contract';
import type { SaveProfileInput } from '../../common/ipc/settings.contract';
import type { GatehouseApi } from '../../common/ipc/contract';
import type { SessionChanged } from '../../common/ipc/session.schema';
import type { AppResult } from '../../common/errors/app-error';
// Not from app-error.ts: that module builds zod schemas, which the first screen must not load.
import { appError } from '../../common/errors/make-app-error';

declare global {
  interface Window {
    /** Built by the preload from common/ipc/contract.ts; absent only when the page is opened outside Gatehouse. */
    readonly gatehouse?: GatehouseApi;
  }
}

/**
 * The only module that touches `window.gatehouse`. Screens import these functions, so a change to the bridge
 * (or a fake in a test) has exactly one place to go.
 */
function bridge(): GatehouseApi {
  const api = window.gatehouse;
  // A missing bridge is a packaging bug, not a user error: let the error boundary show it.
  if (!api) throw new Error('window.gatehouse is missing: the preload did not run.');
  return api;
}

/**
 * The contract promises calls never reject. If the bridge itself breaks (main crashed, channel torn down),
 * turn that into an AppError the screen already knows how to show, rather than an unhandled rejection.
 * A missing bridge still throws, synchronously, before any of this.
 */
async function settle<T>(pending: Promise<AppResult<T>>): Promise<AppResult<T>> {
  try {
    return await pending;
  } catch (cause) {
    console.error('Gatehouse bridge call failed', cause);
    return {
      ok: false,
      error: appError('internal', 'Gatehouse lost contact with its background process.', {
        nextStep: 'Quit and reopen Gatehouse. If this keeps happening, contact IT.',
      }),
    };
  }
}

export const activeProfile = () => settle(bridge().profile.active({}));

/** The profiles the sign-in screen's picker offers. */
export const listProfiles = () => settle(bridge().profile.list({}));

/** Whether the account sees the Admin tab (policy, role claim or an earlier step-up). */
export const adminTab = (accountId: string) => settle(bridge().profile.adminTab({ accountId }));

/** Silent restore from the keychain at start-up; resolves to null when no account is stored. */
export const restoreSession = () => settle(bridge().auth.restore({}));

/** The password is passed straight through: it is never stored, logged or kept here. */
export const signIn = (input: SignInRequest) => settle(bridge().auth.signIn(input));

export const signOut = () => settle(bridge().auth.signOut({}));

/** Returns the unsubscribe function, ready to be a React effect's cleanup. */
export const onSessionChanged = (listener: (change: SessionChanged) => void) =>
  bridge().events.sessionChanged(listener);

/** The multi-factor sign-in main holds after a password sign-in answered `mfa_required` (null: none). */
export const mfaStatus = () => settle(bridge().mfa.status({}));

export const mfaEnrol = (input: MfaEnrolInput) => settle(bridge().mfa.enrol(input));

export const mfaChallenge = (transactionId: string, authenticatorId?: string) =>
  settle(bridge().mfa.challenge({ transactionId, ...(authenticatorId === undefined ? {} : { authenticatorId }) }));

export const mfaVerifyOtp = (transactionId: string, otp: string) =>
  settle(bridge().mfa.verifyOtp({ transactionId, otp }));

/** With a binding code, one try; without one, main waits for the push approval. */
export const mfaVerifyOob = (transactionId: string, bindingCode?: string) =>
  settle(bridge().mfa.verifyOob({ transactionId, ...(bindingCode === undefined ? {} : { bindingCode }) }));

export const mfaRecover = (transactionId: string, recoveryCode: string) =>
  settle(bridge().mfa.recover({ transactionId, recoveryCode }));

export const mfaCancel = (transactionId: string) => settle(bridge().mfa.cancel({ transactionId }));

/** Decode, verify (against the profile's own JWKS), compare and redact tokens; main never returns the raw token. */
export const inspectVerify = (input: VerifyInput) => settle(bridge().inspect.verify(input));

export const inspectDiff = (before: DiffTokenRef, after: DiffTokenRef) =>
  settle(bridge().inspect.diff({ before, after }));

export const inspectSupportBundle = (tokens: TokenRef[]) => settle(bridge().inspect.supportBundle({ tokens }));

/** Server profiles and what the organisation's policy manages. A client secret goes in, never comes back. */
export const readSettings = () => settle(bridge().settings.get({}));

export const saveProfile = (input: SaveProfileInput) => settle(bridge().settings.saveProfile(input));

export const removeProfile = (profileId: string) => settle(bridge().settings.removeProfile({ profileId }));

export const switchProfile = (profileId: string) => settle(bridge().settings.useProfile({ profileId }));

// The admin pane (admin:*). Without `via`, main uses the active account's admin step-up, so each call needs
// admin:stepUp first and otherwise answers `admin_step_up_required`. Passwords go straight through.

type Admin = GatehouseApi['admin'];
type AdminInput<V extends keyof Admin> = Parameters<Admin[V]>[0];

/** What the current step-up allows, or `admin_step_up_required` when there is none. */
export const adminAccess = () => settle(bridge().admin.access({}));

export const adminStepUp = (accountId: string, password: string) =>
  settle(bridge().admin.stepUp({ accountId, password }));

export const adminStepUpChallenge = (transactionId: string, authenticatorId?: string) =>
  settle(
    bridge().admin.stepUpChallenge({
      transactionId,
      ...(authenticatorId === undefined ? {} : { authenticatorId }),
    }),
  );

export const adminStepUpVerify = (input: AdminInput<'stepUpVerify'>) => settle(bridge().admin.stepUpVerify(input));

export const adminStepUpCancel = (transactionId: string) => settle(bridge().admin.stepUpCancel({ transactionId }));

/** Ends the account's admin access now; the everyday session is untouched. */
export const adminStepDown = (accountId: string) => settle(bridge().admin.stepDown({ accountId }));

export const adminListUsers = (input: AdminInput<'listUsers'>) => settle(bridge().admin.listUsers(input));
export const adminGetUser = (userId: string) => settle(bridge().admin.getUser({ userId }));
export const adminBlockUser = (userId: string) => settle(bridge().admin.blockUser({ userId }));
export const adminUnblockUser = (userId: string) => settle(bridge().admin.unblockUser({ userId }));
export const adminCreateUser = (user: AdminInput<'createUser'>['user']) => settle(bridge().admin.createUser({ user }));
export const adminDeleteUser = (userId: string) => settle(bridge().admin.deleteUser({ userId }));
export const adminListUserLogs = (input: AdminInput<'listUserLogs'>) => settle(bridge().admin.listUserLogs(input));
export const adminListUserRoles = (userId: string) => settle(bridge().admin.listUserRoles({ userId }));
export const adminAssignUserRoles = (userId: string, roleIds: string[]) =>
  settle(bridge().admin.assignUserRoles({ userId, roleIds }));
export const adminRemoveUserRoles = (userId: string, roleIds: string[]) =>
  settle(bridge().admin.removeUserRoles({ userId, roleIds }));
export const adminListUserAuthenticators = (userId: string) =>
  settle(bridge().admin.listUserAuthenticators({ userId }));
export const adminDeleteUserAuthenticator = (userId: string, authenticatorId: string) =>
  settle(bridge().admin.deleteUserAuthenticators({ userId, authenticatorId }));
export const adminListRoles = () => settle(bridge().admin.listRoles({}));
/** The new password goes in and is not kept; the server ends the user's sessions. */
export const adminResetPassword = (userId: string, password: string) =>
  settle(bridge().admin.resetPassword({ userId, password }));
/** Brute-force locks (not the admin block) of one user. */
export const adminListUserLocks = (userId: string) => settle(bridge().admin.listBlocks({ target: { userId } }));
export const adminClearUserLocks = (userId: string) => settle(bridge().admin.clearBlocks({ target: { userId } }));

/** Brute-force blocks by user id or by the identifier a sign-in typed (a log event may carry only that). */
export const adminListBlocks = (target: AdminInput<'listBlocks'>['target']) =>
  settle(bridge().admin.listBlocks({ target }));
export const adminClearBlocks = (target: AdminInput<'clearBlocks'>['target']) =>
  settle(bridge().admin.clearBlocks({ target }));

export const adminListConnections = () => settle(bridge().admin.listConnections({}));
export const adminGetConnection = (id: string) => settle(bridge().admin.getConnection({ id }));
export const adminCreateConnection = (connection: AdminInput<'createConnection'>['connection']) =>
  settle(bridge().admin.createConnection({ connection }));
export const adminDeleteConnection = (id: string) => settle(bridge().admin.deleteConnection({ id }));
/** `options` replaces the stored options wholesale: send the full object (see realm-options.ts). */
export const adminUpdateConnection = (id: string, patch: AdminInput<'updateConnection'>['patch']) =>
  settle(bridge().admin.updateConnection({ id, patch }));
export const adminListConnectionClients = (id: string) => settle(bridge().admin.listConnectionClients({ id }));
export const adminSetConnectionClients = (id: string, changes: AdminInput<'setConnectionClients'>['changes']) =>
  settle(bridge().admin.setConnectionClients({ id, changes }));
/** A test sign-in against a realm: the outcome and claims, never a token or a session. */
export const adminTrySignIn = (input: AdminInput<'trySignIn'>) => settle(bridge().admin.trySignIn(input));
export const adminListClients = () => settle(bridge().admin.listClients({}));

export const adminListRules = () => settle(bridge().admin.listRules({}));
export const adminGetRule = (id: string) => settle(bridge().admin.getRule({ id }));
export const adminCreateRule = (rule: AdminInput<'createRule'>['rule']) => settle(bridge().admin.createRule({ rule }));
export const adminUpdateRule = (id: string, patch: AdminInput<'updateRule'>['patch']) =>
  settle(bridge().admin.updateRule({ id, patch }));
export const adminDeleteRule = (id: string) => settle(bridge().admin.deleteRule({ id }));
export const adminReorderRules = (ids: string[]) => settle(bridge().admin.reorderRules({ ids }));
export const adminListRuleHistory = (id: string) => settle(bridge().admin.listRuleHistory({ id }));
export const adminRestoreRule = (id: string, revision: number) => settle(bridge().admin.restoreRule({ id, revision }));
/** A dry run: the claims a login would get, without signing anyone in. */
export const adminTryRule = (input: AdminInput<'tryRule'>) => settle(bridge().admin.tryRule(input));
export const adminTryAction = (input: AdminInput<'tryAction'>) => settle(bridge().admin.tryAction(input));

export const adminListActions = () => settle(bridge().admin.listActions({}));
export const adminDeployAction = (id: string) => settle(bridge().admin.deployAction({ id }));
export const adminListBindings = (triggerId: string) => settle(bridge().admin.listBindings({ triggerId }));
export const adminSetBindings = (triggerId: string, bindings: AdminInput<'setBindings'>['bindings']) =>
  settle(bridge().admin.setBindings({ triggerId, bindings }));
export const adminGetAction = (id: string) => settle(bridge().admin.getAction({ id }));
export const adminCreateAction = (action: AdminInput<'createAction'>['action']) =>
  settle(bridge().admin.createAction({ action }));
/** Changes the draft only: logins run the deployed version until the next deploy. */
export const adminUpdateAction = (id: string, patch: AdminInput<'updateAction'>['patch']) =>
  settle(bridge().admin.updateAction({ id, patch }));
export const adminDeleteAction = (id: string, force = false) => settle(bridge().admin.deleteAction({ id, force }));
export const adminListActionVersions = (id: string) => settle(bridge().admin.listActionVersions({ id }));
/** Deploys an earlier version again (Auth0's POST /actions/actions/{id}/versions/{versionId}/deploy). */
export const adminRollbackAction = (id: string, versionId: string) =>
  settle(bridge().admin.rollbackAction({ id, versionId }));

export const adminSearchLogs = (input: AdminInput<'searchLogs'>) => settle(bridge().admin.searchLogs(input));
/** Checkpoint reads for the live tail: events after `from`, oldest first. */
export const adminReadLogs = (input: AdminInput<'readLogs'>) => settle(bridge().admin.readLogs(input));
export const adminGetLog = (logId: string) => settle(bridge().admin.getLog({ logId }));

export const adminGetBruteForce = () => settle(bridge().admin.getBruteForce({}));
export const adminUpdateBruteForce = (patch: AdminInput<'updateBruteForce'>['patch']) =>
  settle(bridge().admin.updateBruteForce({ patch }));
export const adminGetSuspiciousIp = () => settle(bridge().admin.getSuspiciousIp({}));
export const adminUpdateSuspiciousIp = (patch: AdminInput<'updateSuspiciousIp'>['patch']) =>
  settle(bridge().admin.updateSuspiciousIp({ patch }));

/** Every signed-in account, across profiles; one of them is active. */
export const listAccounts = () => settle(bridge().auth.accounts({}));

export const switchAccount = (accountId: string) => settle(bridge().auth.switchAccount({ accountId }));

export const signOutAccount = (accountId: string) => settle(bridge().auth.signOut({ accountId }));

export const signOutAll = () => settle(bridge().auth.signOutAll({}));

/** Drops the access tokens from memory now; the refresh tokens stay, so unlocking needs no password. */
export const lockNow = () => settle(bridge().auth.lock({}));

export const unlock = () => settle(bridge().auth.unlock({}));

/** The API console: main adds the access token and refreshes once on a 401; the token never comes here. */
export const apiCall = (input: ApiCallInput) => settle(bridge().api.call(input));

/** Settings' "Test connection": discovery, JWKS and a credential-free token probe, through the profile's proxy. */
export const testConnection = (profileId: string) => settle(bridge().settings.testConnection({ profileId }));

/** Whether the OS keychain works now (main writes, reads and deletes a probe entry), and the policy without one. */
export const keychainHealth = () => settle(bridge().settings.keychainHealth({}));

/** The remembered theme; main keeps it in the settings file (the window keeps no storage of its own). */
export const readColorScheme = () => settle(bridge().settings.colorScheme({}));

export const saveColorScheme = (colorScheme: ColorSchemeChoice) =>
  settle(bridge().settings.setColorScheme({ colorScheme }));
