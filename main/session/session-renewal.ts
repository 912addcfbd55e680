import { appError, type AppError, type AppResult } from '../../common/errors/app-error';
import type { SessionStorage } from '../../common/ipc/session.schema';
import { err, ok } from '../../common/result';
import type { TokenSet } from '../auth/token-set';
import type { AccountRef } from './account-id';
import type { InFlight } from './in-flight';
import type { LiveSession, PreviousAccessToken } from './live-session';
import { optional } from './optional-field';
import { proactiveRefreshDelay, refreshRetryMs, type RefreshTimers } from './refresh-scheduler';
import type { SessionEvents } from './session-events';
import { skewNotice } from './session-notices';
import type { SessionProfiles } from './session-profiles';
import type { SessionRegistry } from './session-registry';
import type { SessionStorageKeeper } from './session-storage-keeper';
import { decodeClaims, decodeHeader } from './session-summary';

export interface SessionRenewalDeps {
  readonly profiles: SessionProfiles;
  readonly keeper: SessionStorageKeeper;
  readonly registry: SessionRegistry;
  readonly events: SessionEvents;
  readonly timers: RefreshTimers;
  readonly clock: () => number;
  /** Refresh grants on the wire until their rotated token is stored (see SessionManager.settle). */
  readonly inFlight: InFlight;
}

/**
 * Keeps sessions' tokens fresh: the refresh grant (single-flight per account), the proactive refresh timer,
 * and the end of a session the server no longer renews. Invariants: a rotated refresh token is written to
 * the keychain before the old one is forgotten; `invalid_grant` on refresh (`session_expired`) deletes the
 * stored token and ends the session with a reason.
 */
export class SessionRenewal {
  readonly #inFlight = new Map<string, Promise<AppResult<LiveSession>>>();

  constructor(private readonly deps: SessionRenewalDeps) {}

  /** Renews one account's tokens. Concurrent callers share one request, so a rotated token is used once. */
  refresh(accountId: string): Promise<AppResult<LiveSession>> {
    const inFlight = this.#inFlight.get(accountId);
    if (inFlight !== undefined) return inFlight;
    const session = this.deps.registry.get(accountId);
    if (session?.refreshToken === undefined) {
      return Promise.resolve(err(appError('not_signed_in', 'This account cannot be renewed; sign in again.')));
    }
    const pending = this.renewWith(accountId, session.ref, session.refreshToken).finally(() =>
      this.#inFlight.delete(accountId),
    );
    this.#inFlight.set(accountId, pending);
    return pending;
  }

  /**
   * Runs the refresh grant with `refreshToken` and adopts the result. Restore calls it directly with the
   * keychain's token, for an account that is not live yet (so there is nothing to share a flight with).
   */
  renewWith(accountId: string, ref: AccountRef, refreshToken: string): Promise<AppResult<LiveSession>> {
    return this.deps.inFlight.track(this.#renew(accountId, ref, refreshToken));
  }

  async #renew(accountId: string, ref: AccountRef, refreshToken: string): Promise<AppResult<LiveSession>> {
    const connection = this.deps.profiles.get(ref.profileId);
    if (connection === undefined) return err(appError('not_found', `The server profile “${ref.profileId}” is gone.`));
    const result = await connection.grants.refresh(refreshToken, undefined, ref.realm);
    if (!result.ok) {
      if (result.error.code === 'session_expired') await this.#expire(accountId, result.error);
      return result;
    }
    const existing = this.deps.registry.get(accountId);
    // Servers without rotation return no refresh token: keep using the one we have.
    const next = result.value.refreshToken ?? refreshToken;
    let storage: SessionStorage = existing?.storage ?? 'keychain';
    if (next !== refreshToken) storage = await this.deps.keeper.store(accountId, next); // the write replaces the old entry
    const session = this.adopt(accountId, ref, result.value, next, storage);
    const previous = previousAccessOf(existing, result.value.accessToken, this.deps.clock());
    if (previous !== undefined) session.previousAccess = previous;
    // A restore (no existing session) announces itself once, after all accounts are back.
    if (existing !== undefined && accountId === this.deps.registry.activeAccountId) {
      this.deps.events.changed({
        session: this.deps.registry.summary(session),
        reason: 'refreshed',
        ...optional('notice', skewNotice(result.value)),
      });
    }
    return ok(session);
  }

  /** Makes `tokens` the account's live session and schedules its proactive refresh (if it can be renewed). */
  adopt(
    accountId: string,
    ref: AccountRef,
    tokens: TokenSet,
    refreshToken: string | undefined,
    storage: SessionStorage,
  ): LiveSession {
    const receivedAt = this.deps.clock();
    const session: LiveSession = { accountId, ref, tokens, receivedAt, refreshToken, storage };
    this.deps.registry.put(session);
    if (refreshToken !== undefined) {
      const { timers } = this.deps;
      timers.schedule(accountId, proactiveRefreshDelay(receivedAt, tokens.expiresAt, receivedAt), () => {
        void this.refresh(accountId).then((outcome) => {
          // A network failure may pass; an expired session will not, and has already been ended.
          if (!outcome.ok && outcome.error.code !== 'session_expired') {
            timers.schedule(accountId, refreshRetryMs, () => void this.refresh(accountId));
          }
        });
      });
    }
    return session;
  }

  /** Forgets the account's live session and its timer; the keychain entry is the caller's business. */
  forget(accountId: string): void {
    this.deps.timers.cancel(accountId);
    this.deps.registry.remove(accountId);
  }

  /** Stops every proactive refresh (idle lock, app quit). */
  stopAll(): void {
    this.deps.timers.cancelAll();
  }

  async #expire(accountId: string, reason: AppError): Promise<void> {
    const wasLive = this.deps.registry.has(accountId);
    this.deps.events.credentialsEnded({ kind: 'account', accountId });
    this.forget(accountId);
    await this.deps.keeper.remove(accountId);
    if (wasLive) {
      this.deps.events.changed({
        session: this.deps.registry.activeSummary(),
        reason: 'expired',
        notice: `${reason.message} Sign in again.`,
      });
    }
  }
}

/**
 * The claims of the access token a refresh just replaced; when the server sent the same token back (or the
 * session was locked, so there was none in memory), the one remembered from the refresh before stays.
 */
function previousAccessOf(
  existing: LiveSession | undefined,
  nextAccessToken: string,
  now: number,
): PreviousAccessToken | undefined {
  const old = existing?.tokens?.accessToken;
  if (old === undefined || old === nextAccessToken) return existing?.previousAccess;
  return { header: decodeHeader(old), claims: decodeClaims(old), replacedAt: now };
}
