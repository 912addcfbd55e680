import { appError, type AppError, type AppResult } from '../../common/errors/app-error';
import type { SessionSummary } from '../../common/ipc/session.schema';
import { err, ok } from '../../common/result';
import { parseAccountId } from './account-id';
import type { LiveSession } from './live-session';
import { optional } from './optional-field';
import type { SessionEvents } from './session-events';
import { usernameOf } from './session-notices';
import type { SessionProfiles } from './session-profiles';
import type { SessionRegistry } from './session-registry';
import type { SessionRenewal } from './session-renewal';
import type { SessionStorageKeeper } from './session-storage-keeper';

export interface SessionRestoreDeps {
  readonly profiles: SessionProfiles;
  readonly keeper: SessionStorageKeeper;
  readonly registry: SessionRegistry;
  readonly renewal: SessionRenewal;
  readonly events: SessionEvents;
}

/**
 * The silent sign-in at start-up: each refresh token in the keychain is renewed into a live session.
 * Accounts whose tokens the server refuses are reported together in one notice, not one event each.
 */
export class SessionRestore {
  constructor(private readonly deps: SessionRestoreDeps) {}

  /** Restores every stored account of every known profile. Resolves to the active session, or null. */
  async restore(): Promise<AppResult<SessionSummary | null>> {
    const { registry } = this.deps;
    const stored = await this.deps.keeper.storedAccounts(this.deps.profiles.ids());
    if (!stored.ok) return stored;
    const notices: string[] = [];
    let firstError: AppError | null = null;
    for (const accountId of stored.value) {
      if (registry.has(accountId)) continue;
      const outcome = await this.#restoreOne(accountId);
      if (outcome.ok) registry.activateIfNone(accountId);
      else if (outcome.error.code === 'session_expired')
        notices.push(`Your saved sign-in for ${usernameOf(accountId)} has expired.`);
      else firstError ??= outcome.error;
    }
    const active = registry.activeSummary();
    // One failure is reported only when nothing came back; otherwise the restored accounts are the news.
    if (active === null && firstError !== null) return err(firstError);
    const notice = notices.length > 0 ? `${notices.join(' ')} Sign in again.` : undefined;
    if (active !== null || notice !== undefined) {
      this.deps.events.changed({
        session: active,
        reason: active === null ? 'expired' : 'restored',
        ...optional('notice', notice),
      });
    }
    return ok(active);
  }

  async #restoreOne(accountId: string): Promise<AppResult<LiveSession>> {
    const ref = parseAccountId(accountId);
    if (ref === null) return err(appError('internal', `Unreadable keychain entry “${accountId}”.`));
    const stored = await this.deps.keeper.readOrError(accountId);
    if (!stored.ok) return stored;
    return this.deps.renewal.renewWith(accountId, ref, stored.value);
  }
}
