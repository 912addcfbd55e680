import { appError, type AppError, type AppResult } from '../../common/errors/app-error';
import type { SignInInput } from '../../common/ipc/auth.contract';
import type { SessionChanged, SessionStorage, SessionSummary } from '../../common/ipc/session.schema';
import { err, ok } from '../../common/result';
import { isManagementAudience } from '../auth/management-audience';
import type { SignInOutcome } from '../auth/token-client';
import type { TokenSet } from '../auth/token-set';
import type { SecretStore } from '../secrets/secret-store';
import { formatAccountId, parseAccountId, type AccountRef } from './account-id';
import type { CredentialsEnded } from './credentials-ended';
import { summaryOf, type LiveSession } from './live-session';
import { MfaFlow } from './mfa-flow';
import {
  proactiveRefreshDelay,
  realScheduler,
  refreshRetryMs,
  RefreshTimers,
  type Scheduler,
} from './refresh-scheduler';
import type { ProfileConnection, SessionProfiles } from './session-profiles';
import { permissiveSessionPolicy, type SessionPolicy } from './session-policy';
import { SessionStorageKeeper } from './session-storage-keeper';

export interface SessionManagerOptions {
  readonly profiles: SessionProfiles;
  readonly secretStore: SecretStore;
  readonly policy?: SessionPolicy;
  readonly clock?: () => number;
  readonly scheduler?: Scheduler;
}

type Listener = (change: SessionChanged) => void;

/**
 * Signs in, keeps several accounts across profiles (one active), renews them before they expire,
 * restores them silently from the keychain, locks them after idle time, and signs them out.
 * Invariants: a rotated refresh token is written to the keychain before the old one is forgotten; a
 * keychain failure degrades to memory-only as the policy allows (never a file); a refresh refused with
 * `invalid_grant` deletes the stored token and ends the session with a reason; concurrent refreshes of one
 * account share one request.
 */
export class SessionManager {
  readonly #profiles: SessionProfiles;
  readonly #keeper: SessionStorageKeeper;
  readonly #policy: SessionPolicy;
  readonly #clock: () => number;
  readonly #timers: RefreshTimers;
  readonly #sessions = new Map<string, LiveSession>();
  readonly #refreshesInFlight = new Map<string, Promise<AppResult<LiveSession>>>();
  readonly #listeners = new Set<Listener>();
  readonly #endListeners = new Set<(ended: CredentialsEnded) => void>();
  #activeAccountId: string | null = null;
  /** Pending multi-factor sign-ins; completing one establishes the session like a password sign-in. */
  readonly mfa: MfaFlow;

  constructor(options: SessionManagerOptions) {
    this.#profiles = options.profiles;
    this.#policy = options.policy ?? permissiveSessionPolicy;
    this.#keeper = new SessionStorageKeeper(options.secretStore, this.#policy);
    this.#clock = options.clock ?? Date.now;
    this.#timers = new RefreshTimers(options.scheduler ?? realScheduler);
    this.mfa = new MfaFlow((ref, tokens) => this.#establish(ref, tokens), this.#clock);
  }

  onChanged(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Hook for credentials kept elsewhere in main (the admin step-up): told, before anything else happens,
   * when an account signs out or expires, on "sign out of all", and on the idle lock.
   */
  onCredentialsEnded(listener: (ended: CredentialsEnded) => void): () => void {
    this.#endListeners.add(listener);
    return () => this.#endListeners.delete(listener);
  }

  active(): SessionSummary | null {
    const session = this.#activeAccountId === null ? undefined : this.#sessions.get(this.#activeAccountId);
    return session === undefined ? null : this.#summary(session);
  }

  accounts(): SessionSummary[] {
    return [...this.#sessions.values()].map((session) => this.#summary(session));
  }

  switchTo(accountId: string): AppResult<SessionSummary> {
    const session = this.#sessions.get(accountId);
    if (session === undefined) return err(appError('not_signed_in', 'That account is not signed in.'));
    this.#activeAccountId = accountId;
    const summary = this.#summary(session);
    this.#emit({ session: summary, reason: 'switched' });
    return ok(summary);
  }

  /** A usable access token for main's own calls (API console, admin client). It never crosses IPC. */
  async accessToken(accountId?: string): Promise<AppResult<string>> {
    const id = accountId ?? this.#activeAccountId;
    const session = id === null ? undefined : this.#sessions.get(id);
    if (id === null || session === undefined) return err(appError('not_signed_in', 'Sign in first.'));
    if (session.tokens !== null && session.tokens.expiresAt > this.#clock()) return ok(session.tokens.accessToken);
    const renewed = await this.refresh(id);
    return renewed.ok && renewed.value.tokens !== null
      ? ok(renewed.value.tokens.accessToken)
      : err(renewed.ok ? locked() : renewed.error);
  }

  /** The account's current ID token, for the inspector in main. Null when locked or none was issued. */
  idToken(accountId?: string): string | null {
    const id = accountId ?? this.#activeAccountId;
    const session = id === null ? undefined : this.#sessions.get(id);
    return session?.tokens?.idToken ?? null;
  }

  /** Calls an API with the account's token; on a 401 it refreshes once and retries once. */
  async withAccessToken<T extends { status: number }>(
    accountId: string | undefined,
    call: (accessToken: string) => Promise<T>,
  ): Promise<AppResult<T>> {
    const first = await this.accessToken(accountId);
    if (!first.ok) return first;
    const answer = await call(first.value);
    if (answer.status !== 401) return ok(answer);
    const id = accountId ?? this.#activeAccountId ?? '';
    const renewed = await this.refresh(id);
    if (!renewed.ok) return renewed;
    return renewed.value.tokens === null ? err(locked()) : ok(await call(renewed.value.tokens.accessToken));
  }

  async signIn(input: SignInInput): Promise<AppResult<SessionSummary>> {
    const connection = this.#profiles.get(input.profileId);
    if (connection === undefined) {
      return err(appError('invalid_input', `There is no server profile named “${input.profileId}”.`));
    }
    const { profile, grants } = connection;
    if (input.realm !== null && this.#policy.allowedRealms && !this.#policy.allowedRealms.includes(input.realm)) {
      return err(appError('invalid_realm', `Your organisation does not allow sign-in to “${input.realm}”.`));
    }
    const audience = input.audience ?? profile.audience;
    // Admin power comes only from the admin pane's step-up (features.md item 7), never an everyday session.
    if (profile.kind === 'auth0' && audience !== undefined && isManagementAudience(audience, profile.issuer)) {
      return err(
        appError('invalid_input', 'The everyday sign-in does not ask for the Management API.', {
          nextStep: 'Remove that audience from the profile. The admin pane asks for admin access when you open it.',
        }),
      );
    }
    const refusal = await this.#keeper.refusalBeforeSignIn();
    if (refusal !== null) return err(refusal);

    const request = {
      realm: input.realm,
      username: input.username,
      password: input.password,
      ...optional('audience', audience),
      scope: input.scope ?? profile.scope,
    };
    const outcome: AppResult<SignInOutcome> =
      grants.signIn !== undefined
        ? await grants.signIn(request)
        : await grants
            .passwordGrant(request)
            .then((tokens) => (tokens.ok ? ok({ kind: 'tokens' as const, tokens: tokens.value }) : tokens));
    if (!outcome.ok) return outcome;
    const ref: AccountRef = { profileId: profile.id, realm: input.realm, username: input.username };
    if (outcome.value.kind === 'mfa_required') {
      // The mfa_token stays in main; the window asks for the factors through the mfa:* channels.
      if (grants.mfa !== undefined) this.mfa.open(ref, outcome.value.pending, grants.mfa);
      return err(outcome.value.error);
    }
    return ok(await this.#establish(ref, outcome.value.tokens));
  }

  /** Makes fresh tokens a session: keep the refresh token, replace (and revoke) an older one, activate, tell. */
  async #establish(ref: AccountRef, tokens: TokenSet): Promise<SessionSummary> {
    const accountId = formatAccountId(ref);
    const previous = this.#sessions.get(accountId);
    const session = this.#adopt(accountId, ref, tokens, tokens.refreshToken, 'memory');
    if (session.refreshToken !== undefined) session.storage = await this.#keeper.store(accountId, session.refreshToken);
    // Signing in again replaces the account's old session; its refresh token is revoked, not orphaned.
    if (previous?.refreshToken !== undefined && previous.refreshToken !== session.refreshToken) {
      await this.#profiles.get(ref.profileId)?.grants.revoke(previous.refreshToken, ref.realm);
    }
    this.#activeAccountId = accountId;
    const summary = this.#summary(session);
    const notices = [this.#keeper.notice(session.storage), skewNotice(tokens)].filter((text) => text !== undefined);
    this.#emit({ session: summary, reason: 'signed_in', ...optional('notice', notices.join(' ') || undefined) });
    return summary;
  }

  /** Restores every stored account of every known profile. Resolves to the active session, or null. */
  async restore(): Promise<AppResult<SessionSummary | null>> {
    const stored = await this.#keeper.storedAccounts(this.#profiles.ids());
    if (!stored.ok) return stored;
    const notices: string[] = [];
    let firstError: AppError | null = null;
    for (const accountId of stored.value) {
      if (this.#sessions.has(accountId)) continue;
      const outcome = await this.#restoreOne(accountId);
      if (outcome.ok) this.#activeAccountId ??= accountId;
      else if (outcome.error.code === 'session_expired')
        notices.push(`Your saved sign-in for ${usernameOf(accountId)} has expired.`);
      else firstError ??= outcome.error;
    }
    const active = this.active();
    if (active === null && firstError !== null) return err(firstError);
    const notice = notices.length > 0 ? `${notices.join(' ')} Sign in again.` : undefined;
    if (active !== null || notice !== undefined) {
      this.#emit({ session: active, reason: active === null ? 'expired' : 'restored', ...optional('notice', notice) });
    }
    return ok(active);
  }

  /** Renews one account's tokens. Concurrent callers share one request (single-flight). */
  refresh(accountId: string): Promise<AppResult<LiveSession>> {
    const inFlight = this.#refreshesInFlight.get(accountId);
    if (inFlight !== undefined) return inFlight;
    const session = this.#sessions.get(accountId);
    if (session?.refreshToken === undefined) {
      return Promise.resolve(err(appError('not_signed_in', 'This account cannot be renewed; sign in again.')));
    }
    const pending = this.#refreshWith(accountId, session.ref, session.refreshToken).finally(() =>
      this.#refreshesInFlight.delete(accountId),
    );
    this.#refreshesInFlight.set(accountId, pending);
    return pending;
  }

  /** Revokes at the server, deletes from the keychain, forgets. Works for stored-only accounts too (CLI). */
  async signOut(accountId?: string): Promise<AppResult<{ signedOut: boolean }>> {
    const id = accountId ?? this.#activeAccountId;
    if (id === null) return ok({ signedOut: false });
    this.#ended({ kind: 'account', accountId: id });
    const live = this.#sessions.get(id);
    const refreshToken = live?.refreshToken ?? (await this.#keeper.read(id));
    if (live === undefined && refreshToken === null) return ok({ signedOut: false });

    // Revocation is best effort: a sign-out must work offline, and the keychain entry goes regardless.
    const connection = this.#profiles.get(parseAccountId(id)?.profileId ?? '');
    if (refreshToken && connection !== undefined)
      await connection.grants.revoke(refreshToken, parseAccountId(id)?.realm);
    const cleared = await this.#keeper.remove(id);
    this.#drop(id);
    this.#emit({
      session: this.active(),
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
    const profileIds = profileId === undefined ? this.#profiles.ids() : [profileId];
    const stored = await this.#keeper.storedAccounts(profileIds);
    const live = [...this.#sessions.values()].filter((session) => profileIds.includes(session.ref.profileId));
    const ids = new Set([...live.map((session) => session.accountId), ...(stored.ok ? stored.value : [])]);
    let signedOut = 0;
    for (const id of ids) {
      const result = await this.signOut(id);
      if (result.ok && result.value.signedOut) signedOut += 1;
    }
    this.#ended(profileId === undefined ? { kind: 'all' } : { kind: 'profile', profileId });
    return ok({ signedOut });
  }

  /** Idle lock: drops every access and ID token from memory; refresh tokens stay, so unlocking is silent. */
  lock(): void {
    this.#ended({ kind: 'all' });
    this.#timers.cancelAll();
    for (const session of this.#sessions.values()) session.tokens = null;
    if (this.#sessions.size > 0) this.#emit({ session: this.active(), reason: 'locked' });
  }

  async unlock(): Promise<AppResult<SessionSummary | null>> {
    for (const session of [...this.#sessions.values()]) {
      if (session.tokens === null) await this.refresh(session.accountId);
    }
    const active = this.active();
    this.#emit({ session: active, reason: 'unlocked' });
    return ok(active);
  }

  /** Stops the proactive-refresh timers (app quit, tests). */
  dispose(): void {
    this.#timers.cancelAll();
  }

  async #restoreOne(accountId: string): Promise<AppResult<LiveSession>> {
    const ref = parseAccountId(accountId);
    if (ref === null) return err(appError('internal', `Unreadable keychain entry “${accountId}”.`));
    const stored = await this.#keeper.readOrError(accountId);
    if (!stored.ok) return stored;
    return this.#refreshWith(accountId, ref, stored.value);
  }

  async #refreshWith(accountId: string, ref: AccountRef, refreshToken: string): Promise<AppResult<LiveSession>> {
    const connection = this.#profiles.get(ref.profileId);
    if (connection === undefined) return err(appError('not_found', `The server profile “${ref.profileId}” is gone.`));
    const result = await connection.grants.refresh(refreshToken, undefined, ref.realm);
    if (!result.ok) {
      if (result.error.code === 'session_expired') await this.#expire(accountId, result.error);
      return result;
    }
    const existing = this.#sessions.get(accountId);
    // Servers without rotation return no refresh token: keep using the one we have.
    const next = result.value.refreshToken ?? refreshToken;
    let storage: SessionStorage = existing?.storage ?? 'keychain';
    if (next !== refreshToken) storage = await this.#keeper.store(accountId, next); // the write replaces the old entry
    const session = this.#adopt(accountId, ref, result.value, next, storage);
    if (existing !== undefined && accountId === this.#activeAccountId) {
      this.#emit({
        session: this.#summary(session),
        reason: 'refreshed',
        ...optional('notice', skewNotice(result.value)),
      });
    }
    return ok(session);
  }

  #adopt(
    accountId: string,
    ref: AccountRef,
    tokens: TokenSet,
    refreshToken: string | undefined,
    storage: SessionStorage,
  ): LiveSession {
    const receivedAt = this.#clock();
    const session: LiveSession = { accountId, ref, tokens, receivedAt, refreshToken, storage };
    this.#sessions.set(accountId, session);
    if (refreshToken !== undefined) {
      this.#timers.schedule(accountId, proactiveRefreshDelay(receivedAt, tokens.expiresAt, receivedAt), () => {
        void this.refresh(accountId).then((outcome) => {
          if (!outcome.ok && outcome.error.code !== 'session_expired') {
            this.#timers.schedule(accountId, refreshRetryMs, () => void this.refresh(accountId));
          }
        });
      });
    }
    return session;
  }

  async #expire(accountId: string, reason: AppError): Promise<void> {
    const wasLive = this.#sessions.has(accountId);
    this.#ended({ kind: 'account', accountId });
    this.#drop(accountId);
    await this.#keeper.remove(accountId);
    if (wasLive) this.#emit({ session: this.active(), reason: 'expired', notice: `${reason.message} Sign in again.` });
  }

  #drop(accountId: string): void {
    this.#timers.cancel(accountId);
    this.#sessions.delete(accountId);
    if (this.#activeAccountId === accountId) this.#activeAccountId = this.#sessions.keys().next().value ?? null;
  }

  #summary(session: LiveSession): SessionSummary {
    const connection: ProfileConnection | undefined = this.#profiles.get(session.ref.profileId);
    return summaryOf(session, connection?.profile.audience);
  }

  #emit(change: SessionChanged): void {
    for (const listener of this.#listeners) listener(change);
  }

  #ended(ended: CredentialsEnded): void {
    for (const listener of this.#endListeners) listener(ended);
  }
}

function locked(): AppError {
  return appError('not_signed_in', 'The session is locked.', { nextStep: 'Unlock Gatehouse to continue.' });
}

/** The server's clock disagrees with ours: the tokens work, but the times shown may be off. */
function skewNotice(tokens: TokenSet): string | undefined {
  return tokens.clockSkew === undefined
    ? undefined
    : `${tokens.clockSkew.message} ${tokens.clockSkew.nextStep ?? ''}`.trim();
}

function usernameOf(accountId: string): string {
  return parseAccountId(accountId)?.username ?? accountId;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
