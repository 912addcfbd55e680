import type {
  Claims,
  MemoryReason,
  RefreshOutcome,
  SessionStorage,
  SessionSummary,
} from '../../common/ipc/session.schema';
import type { TokenSet } from '../auth/token-set';
import type { AccountRef } from './account-id';
import { summarize } from './session-summary';

/** Where a refresh token was put, and why when that is memory. */
export interface Placement {
  readonly storage: SessionStorage;
  readonly memoryReason: MemoryReason | null;
}

/** The session's life so far, for the health panel. Carried from one set of tokens to the next. */
export interface SessionHistory {
  readonly startedAt: number;
  readonly startedBy: 'sign-in' | 'restore';
  lastRotatedAt: number | null;
  rotates: boolean | null;
  lastRefresh: RefreshOutcome | null;
  nextRefreshAt: number | null;
  /**
   * True once the current refresh token has been sent to the server. A refused token that never was sent can
   * only have been revoked from elsewhere, which on a rotating server is what reuse detection does.
   */
  refreshTokenPresented: boolean;
}

/** One signed-in account. Its tokens live here, in main-process memory, and nowhere else but the keychain. */
export interface LiveSession {
  readonly accountId: string;
  readonly ref: AccountRef;
  /** Null while locked: the access and ID tokens were dropped; the refresh token is kept. */
  tokens: TokenSet | null;
  /** When the current tokens arrived, for the proactive refresh at 80% of their lifetime. */
  receivedAt: number;
  /** Never log refreshToken: it is a credential. */
  refreshToken: string | undefined;
  storage: SessionStorage;
  memoryReason: MemoryReason | null;
  history: SessionHistory;
  /**
   * What the access token before the last refresh said, for the inspector's "before the last refresh" diff.
   * Decoded header and claims only: the old token itself is forgotten, so nothing can replay it.
   */
  previousAccess?: PreviousAccessToken;
}

export interface PreviousAccessToken {
  readonly header: Claims | null;
  readonly claims: Claims | null;
  /** Epoch milliseconds when the refresh replaced it. */
  readonly replacedAt: number;
}

export function summaryOf(session: LiveSession, audience: string | undefined): SessionSummary {
  const locked = session.tokens === null;
  const tokens = session.tokens ?? { accessToken: '', tokenType: 'Bearer', expiresAt: session.receivedAt };
  const summary = summarize(
    session.accountId,
    session.ref,
    tokens,
    { renewable: session.refreshToken !== undefined, storage: session.storage },
    audience,
  );
  const { history } = session;
  const health = {
    startedAt: history.startedAt,
    startedBy: history.startedBy,
    lastRotatedAt: history.lastRotatedAt,
    rotates: history.rotates,
    lastRefresh: history.lastRefresh,
    // A locked session is not refreshed until it is unlocked.
    nextRefreshAt: locked ? null : history.nextRefreshAt,
    memoryReason: session.storage === 'memory' ? session.memoryReason : null,
  };
  return locked
    ? { ...summary, locked, idTokenClaims: null, accessTokenClaims: null, health }
    : { ...summary, locked, health };
}
