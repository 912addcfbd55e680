import type { AppResult } from '../../common/errors/app-error';
import { ok } from '../../common/result';
import { parseAccountId } from './account-id';
import { optional } from './optional-field';
import type { SessionEvents } from './session-events';
import type { SessionProfiles } from './session-profiles';
import type { SessionRegistry } from './session-registry';
import type { SessionRenewal } from './session-renewal';
import type { SessionStorageKeeper } from './session-storage-keeper';

export interface SessionSignOutDeps {
  readonly profiles: SessionProfiles;
  readonly keeper: SessionStorageKeeper;
  readonly registry: SessionRegistry;
  readonly renewal: SessionRenewal;
  readonly events: SessionEvents;
}

/**
 * Signing out: revoke at the server, delete from the keychain, forget. Credentials held elsewhere in main
 * are told first, so nothing outlives the session it came from.
 */
export class SessionSignOut {
  constructor(private readonly deps: SessionSignOutDeps) {}

  /** Works for stored-only accounts too (the CLI signs out without restoring first). */
  async signOut(accountId?: string): Promise<AppResult<{ signedOut: boolean }>> {
    const { registry, keeper, events } = this.deps;
    const id = accountId ?? registry.activeAccountId;
    if (id === null) return ok({ signedOut: false });
    events.credentialsEnded({ kind: 'account', accountId: id });
    const live = registry.get(id);
    const refreshToken = live?.refreshToken ?? (await keeper.read(id));
    if (live === undefined && refreshToken === null) return ok({ signedOut: false });

    // Revocation is best effort: a sign-out must work offline, and the keychain entry goes regardless.
    const connection = this.deps.profiles.get(parseAccountId(id)?.profileId ?? '');
    if (refreshToken && connection !== undefined)
      await connection.grants.revoke(refreshToken, parseAccountId(id)?.realm);
    const cleared = await keeper.remove(id);
    this.deps.renewal.forget(id);
    events.changed({
      session: registry.activeSummary(),
      reason: 'signed_out',
      ...optional(
        'notice',
        cleared || live?.storage === 'memory' ? undefined : 'Signed out, but the keychain entry could not be removed.',
      ),
    });
    return ok({ signedOut: true });
  }

  /** "Sign out of all my accounts": every live and stored account of every profile (or of one profile). */
  async signOutAll(profileId?: string): Promise<AppResult<{ signedOut: number }>> {
    const profileIds = profileId === undefined ? this.deps.profiles.ids() : [profileId];
    const stored = await this.deps.keeper.storedAccounts(profileIds);
    const live = this.deps.registry.all().filter((session) => profileIds.includes(session.ref.profileId));
    // A keychain that cannot be listed still leaves the live accounts to sign out.
    const ids = new Set([...live.map((session) => session.accountId), ...(stored.ok ? stored.value : [])]);
    let signedOut = 0;
    for (const id of ids) {
      const result = await this.signOut(id);
      if (result.ok && result.value.signedOut) signedOut += 1;
    }
    this.deps.events.credentialsEnded(profileId === undefined ? { kind: 'all' } : { kind: 'profile', profileId });
    return ok({ signedOut });
  }
}
