import { appError, type AppError, type AppResult } from '../../common/errors/app-error';
import type { RefreshOutcome } from '../../common/ipc/session.schema';
import { err, ok } from '../../common/result';
import type { TokenSet } from '../auth/token-set';
import type { AccountRef } from './account-id';
import type { InFlight } from './in-flight';
import type { LiveSession, Placement, PreviousAccessToken, SessionHistory } from './live-session';
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
    const before = this.deps.registry.get(accountId);
    const wasPresented = before?.history.refreshTokenPresented ?? true;
    if (before !== undefined) before.history.refreshTokenPresented = true;
    const result = await connection.grants.refresh(refreshToken, undefined, ref.realm);
    const existing = this.deps.registry.get(accountId);
    if (!result.ok) {
      if (result.error.code === 'session_expired') {
        await this.#expire(accountId, result.error, existing?.history.rotates === true && !wasPresented);
      } else if (existing !== undefined) {
        existing.history.lastRefresh = failedRefresh(this.deps.clock(), result.error);
        this.#announce(existing, 'refresh_failed');
      }
      return result;
    }
    // Servers without rotation return no refresh token: keep using the one we have.
    const next = result.value.refreshToken ?? refreshToken;
    const rotated = next !== refreshToken;
    let placement: Placement = existing ?? { storage: 'keychain', memoryReason: null };
    // The write replaces the old entry; a token the user or policy keeps in memory stays there.
    if (rotated && (placement.storage === 'keychain' || placement.memoryReason === 'no-keychain')) {
      placement = await this.deps.keeper.place(accountId, next, true);
    }
    const now = this.deps.clock();
    const history: SessionHistory = {
      ...(existing?.history ?? newHistory(now, 'restore')),
      rotates: rotated,
      lastRefresh: { at: now, ok: true },
      refreshTokenPresented: !rotated,
    };
    if (rotated) history.lastRotatedAt = now;
    const session = this.adopt(accountId, ref, result.value, next, placement, history);
    const previous = previousAccessOf(existing, result.value.accessToken, now);
    if (previous !== undefined) session.previousAccess = previous;
    // A restore (no existing session) announces itself once, after all accounts are back.
    if (existing !== undefined) this.#announce(session, 'refreshed', skewNotice(result.value));
    return ok(session);
  }

  /** Makes `tokens` the account's live session and schedules its proactive refresh (if it can be renewed). */
  adopt(
    accountId: string,
    ref: AccountRef,
    tokens: TokenSet,
    refreshToken: string | undefined,
    placement: Placement,
    history: SessionHistory,
  ): LiveSession {
    const receivedAt = this.deps.clock();
    const session: LiveSession = {
      accountId,
      ref,
      tokens,
      receivedAt,
      refreshToken,
      storage: placement.storage,
      memoryReason: placement.memoryReason,
      history: { ...history, nextRefreshAt: null },
    };
    this.deps.registry.put(session);
    if (refreshToken !== undefined) {
      const { timers } = this.deps;
      const delay = proactiveRefreshDelay(receivedAt, tokens.expiresAt, receivedAt);
      session.history.nextRefreshAt = receivedAt + delay;
      timers.schedule(accountId, delay, () => {
        void this.refresh(accountId).then((outcome) => {
          // A network failure may pass; an expired session will not, and has already been ended.
          if (!outcome.ok && outcome.error.code !== 'session_expired') {
            const live = this.deps.registry.get(accountId);
            if (live !== undefined) live.history.nextRefreshAt = this.deps.clock() + refreshRetryMs;
            timers.schedule(accountId, refreshRetryMs, () => void this.refresh(accountId));
          }
        });
      });
    }
    return session;
  }

  /** Tells the window about the active account's news (other accounts show it when switched to). */
  #announce(session: LiveSession, reason: 'refreshed' | 'refresh_failed', notice?: string): void {
    if (session.accountId !== this.deps.registry.activeAccountId) return;
    this.deps.events.changed({ session: this.deps.registry.summary(session), reason, ...optional('notice', notice) });
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

  async #expire(accountId: string, reason: AppError, looksLikeReuse: boolean): Promise<void> {
    const wasLive = this.deps.registry.has(accountId);
    this.deps.events.credentialsEnded({ kind: 'account', accountId });
    this.forget(accountId);
    await this.deps.keeper.remove(accountId);
    if (wasLive) {
      this.deps.events.changed({
        session: this.deps.registry.activeSummary(),
        reason: 'expired',
        notice: looksLikeReuse ? reuseNotice : `${reason.message} Sign in again.`,
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

/**
 * The server refused a rotated refresh token this app had never sent: only a revocation from elsewhere does
 * that, and on a rotating server the usual one is reuse detection (an older token of the family was presented
 * again, so the server revoked them all). Said plainly, with what to do.
 */
export const reuseNotice =
  'The server ended this session because an older refresh token of it was used again (refresh-token reuse ' +
  'detection). That can mean a copy of your sign-in was used somewhere else. Sign in again, and tell your IT ' +
  'team if you did not expect this.';

/** A session's history as it begins. */
export function newHistory(now: number, startedBy: SessionHistory['startedBy']): SessionHistory {
  return {
    startedAt: now,
    startedBy,
    lastRotatedAt: null,
    rotates: null,
    lastRefresh: null,
    nextRefreshAt: null,
    refreshTokenPresented: false,
  };
}

function failedRefresh(at: number, error: AppError): RefreshOutcome {
  const words = error.detail?.errorDescription ?? error.detail?.error;
  return { at, ok: false, message: error.message, ...optional('detail', words) };
}
