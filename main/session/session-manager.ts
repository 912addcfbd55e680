import { appError, type AppError, type AppResult } from '../../common/errors/app-error';
import type { SignInInput } from '../../common/ipc/auth.contract';
import type { SessionChanged, SessionStorage, SessionSummary } from '../../common/ipc/session.schema';
import { err, ok } from '../../common/result';
import type { TokenGrants } from '../auth/token-client';
import type { TokenSet } from '../auth/token-set';
import type { SecretStore } from '../secrets/secret-store';
import type { Profile } from '../settings/profile';
import { formatAccountId, parseAccountId, type AccountRef } from './account-id';
import { summarize } from './session-summary';

/** One signed-in account. The tokens live here, in main-process memory, and nowhere else but the keychain. */
interface LiveSession {
  readonly accountId: string;
  readonly ref: AccountRef;
  tokens: TokenSet;
  /** Never log refreshToken: it is a credential. */
  refreshToken: string | undefined;
  storage: SessionStorage;
}

export interface SessionManagerOptions {
  readonly profile: Profile;
  readonly tokenClient: TokenGrants;
  readonly secretStore: SecretStore;
}

type Listener = (change: SessionChanged) => void;

/**
 * Signs in, keeps sessions, restores them silently from the keychain, and signs out.
 * Invariants: a rotated refresh token is written to the keychain before the old one is forgotten; a
 * keychain failure degrades to memory-only (never a file); a refresh refused with `invalid_grant` deletes
 * the stored token and ends the session with a reason.
 */
export class SessionManager {
  readonly #options: SessionManagerOptions;
  readonly #sessions = new Map<string, LiveSession>();
  readonly #refreshesInFlight = new Map<string, Promise<AppResult<LiveSession>>>();
  readonly #listeners = new Set<Listener>();
  #activeAccountId: string | null = null;

  constructor(options: SessionManagerOptions) {
    this.#options = options;
  }

  onChanged(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  active(): SessionSummary | null {
    const session = this.#activeAccountId === null ? undefined : this.#sessions.get(this.#activeAccountId);
    return session === undefined ? null : this.#summary(session);
  }

  /** The active account's access token, for main's own API calls. It never crosses IPC. */
  activeAccessToken(): string | null {
    const session = this.#activeAccountId === null ? undefined : this.#sessions.get(this.#activeAccountId);
    return session?.tokens.accessToken ?? null;
  }

  async signIn(input: SignInInput): Promise<AppResult<SessionSummary>> {
    const { profile, tokenClient } = this.#options;
    if (input.profileId !== profile.id) {
      return err(appError('invalid_input', `There is no server profile named “${input.profileId}”.`));
    }
    const result = await tokenClient.passwordGrant({
      realm: input.realm,
      username: input.username,
      password: input.password,
      ...optional('audience', input.audience ?? profile.audience),
      scope: input.scope ?? profile.scope,
    });
    if (!result.ok) return result;

    const ref: AccountRef = { profileId: profile.id, realm: input.realm, username: input.username };
    const session: LiveSession = {
      accountId: formatAccountId(ref),
      ref,
      tokens: result.value,
      refreshToken: result.value.refreshToken,
      storage: 'memory',
    };
    if (session.refreshToken !== undefined)
      session.storage = await this.#store(session.accountId, session.refreshToken);
    this.#sessions.set(session.accountId, session);
    this.#activeAccountId = session.accountId;
    const summary = this.#summary(session);
    this.#emit({ session: summary, reason: 'signed_in', ...keychainNotice(session.storage) });
    return ok(summary);
  }

  /**
   * Restores every account of this profile found in the keychain by refreshing its token. Resolves to the
   * active session, or null when nothing was stored (or everything stored had expired).
   */
  async restore(): Promise<AppResult<SessionSummary | null>> {
    const { profile, secretStore } = this.#options;
    let accountIds: string[];
    try {
      accountIds = (await secretStore.listAccounts()).filter((id) => parseAccountId(id)?.profileId === profile.id);
    } catch {
      return err(keychainUnavailable());
    }
    const notices: string[] = [];
    let firstError: AppError | null = null;
    for (const accountId of accountIds) {
      if (this.#sessions.has(accountId)) continue;
      const outcome = await this.#restoreOne(accountId);
      if (outcome.ok) {
        this.#activeAccountId ??= accountId;
      } else if (outcome.error.code === 'session_expired') {
        notices.push(`Your saved sign-in for ${parseAccountId(accountId)?.username ?? accountId} has expired.`);
      } else {
        firstError ??= outcome.error;
      }
    }
    const active = this.active();
    if (active === null && firstError !== null) return err(firstError);
    const notice = notices.length > 0 ? `${notices.join(' ')} Sign in again.` : undefined;
    if (active !== null || notice !== undefined) {
      this.#emit({ session: active, reason: active === null ? 'expired' : 'restored', ...optional('notice', notice) });
    }
    return ok(active);
  }

  /** Refreshes one account's tokens. Concurrent callers share one request (single-flight). */
  refresh(accountId: string): Promise<AppResult<LiveSession>> {
    const inFlight = this.#refreshesInFlight.get(accountId);
    if (inFlight !== undefined) return inFlight;
    const session = this.#sessions.get(accountId);
    if (session?.refreshToken === undefined) {
      return Promise.resolve(err(appError('not_signed_in', 'This account cannot be renewed; sign in again.')));
    }
    const pending = this.#refreshWith(session.accountId, session.ref, session.refreshToken).finally(() =>
      this.#refreshesInFlight.delete(accountId),
    );
    this.#refreshesInFlight.set(accountId, pending);
    return pending;
  }

  /**
   * Revokes the refresh token at the server, deletes it from the keychain, and forgets the session.
   * Works for an account that is only stored, not live (the CLI signs out without restoring first).
   */
  async signOut(accountId?: string): Promise<AppResult<{ signedOut: boolean }>> {
    const id = accountId ?? this.#activeAccountId;
    if (id === null) return ok({ signedOut: false });
    const live = this.#sessions.get(id);
    const refreshToken = live?.refreshToken ?? (await this.#readStored(id));
    if (live === undefined && refreshToken === null) return ok({ signedOut: false });

    // Revocation is best effort: a sign-out must work offline, and the keychain entry goes regardless.
    if (refreshToken !== undefined && refreshToken !== null) await this.#options.tokenClient.revoke(refreshToken);
    let keychainCleared = true;
    try {
      await this.#options.secretStore.delete(id);
    } catch {
      keychainCleared = live?.storage === 'memory';
    }
    this.#sessions.delete(id);
    if (this.#activeAccountId === id) this.#activeAccountId = this.#sessions.keys().next().value ?? null;
    this.#emit({
      session: this.active(),
      reason: 'signed_out',
      ...optional('notice', keychainCleared ? undefined : 'Signed out, but the keychain entry could not be removed.'),
    });
    return ok({ signedOut: true });
  }

  async #readStored(accountId: string): Promise<string | null> {
    try {
      return await this.#options.secretStore.get(accountId);
    } catch {
      return null;
    }
  }

  async #restoreOne(accountId: string): Promise<AppResult<LiveSession>> {
    const ref = parseAccountId(accountId);
    if (ref === null) return err(appError('internal', `Unreadable keychain entry “${accountId}”.`));
    let stored: string | null;
    try {
      stored = await this.#options.secretStore.get(accountId);
    } catch {
      return err(keychainUnavailable());
    }
    if (stored === null) return err(appError('not_signed_in', 'Nothing is stored for this account.'));
    return this.#refreshWith(accountId, ref, stored);
  }

  async #refreshWith(accountId: string, ref: AccountRef, refreshToken: string): Promise<AppResult<LiveSession>> {
    const result = await this.#options.tokenClient.refresh(refreshToken);
    if (!result.ok) {
      if (result.error.code === 'session_expired') await this.#forget(accountId);
      return result;
    }
    const existing = this.#sessions.get(accountId);
    // Servers without rotation return no refresh token: keep using the one we have.
    const nextRefreshToken = result.value.refreshToken ?? refreshToken;
    let storage: SessionStorage = existing?.storage ?? 'keychain';
    if (nextRefreshToken !== refreshToken || existing === undefined) {
      // Rotation-safe: the new token replaces the old entry in one keychain write. If that write fails,
      // the new token stays in memory and the session carries on, marked memory-only.
      storage = nextRefreshToken === refreshToken ? 'keychain' : await this.#store(accountId, nextRefreshToken);
    }
    const session: LiveSession = { accountId, ref, tokens: result.value, refreshToken: nextRefreshToken, storage };
    this.#sessions.set(accountId, session);
    if (existing !== undefined) this.#emitIfActive(session, 'refreshed');
    return ok(session);
  }

  async #forget(accountId: string): Promise<void> {
    this.#sessions.delete(accountId);
    if (this.#activeAccountId === accountId) this.#activeAccountId = null;
    try {
      await this.#options.secretStore.delete(accountId);
    } catch {
      // The keychain is unavailable; the token there is already refused by the server, so nothing leaks.
    }
  }

  async #store(accountId: string, refreshToken: string): Promise<SessionStorage> {
    try {
      await this.#options.secretStore.set(accountId, refreshToken);
      return 'keychain';
    } catch {
      return 'memory';
    }
  }

  #summary(session: LiveSession): SessionSummary {
    return summarize(
      session.accountId,
      session.ref,
      session.tokens,
      { renewable: session.refreshToken !== undefined, storage: session.storage },
      this.#options.profile.audience,
    );
  }

  #emitIfActive(session: LiveSession, reason: SessionChanged['reason']): void {
    if (session.accountId === this.#activeAccountId) this.#emit({ session: this.#summary(session), reason });
  }

  #emit(change: SessionChanged): void {
    for (const listener of this.#listeners) listener(change);
  }
}

function keychainUnavailable(): AppError {
  return appError('keychain_unavailable', 'The system keychain is not available.', {
    nextStep: 'You can still sign in, but you will have to sign in again next time.',
  });
}

function keychainNotice(storage: SessionStorage): { notice?: string } {
  return storage === 'memory'
    ? { notice: 'The system keychain is not available, so this sign-in will not be remembered.' }
    : {};
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
