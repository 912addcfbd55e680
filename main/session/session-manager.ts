import { appError, type AppResult } from '../../common/errors/app-error';
import type { SignInRequest } from '../../common/ipc/auth.contract';
import type { SessionSummary } from '../../common/ipc/session.schema';
import { err, ok } from '../../common/result';
import type { SecretStore } from '../secrets/secret-store';
import { InFlight } from './in-flight';
import type { LiveSession, PreviousAccessToken } from './live-session';
import type { MfaFlow } from './mfa-flow';
import { realScheduler, RefreshTimers, type Scheduler } from './refresh-scheduler';
import { SessionEvents, type CredentialsEndedListener, type SessionListener } from './session-events';
import { SessionLock } from './session-lock';
import { lockedError } from './session-notices';
import type { SessionProfiles } from './session-profiles';
import { permissiveSessionPolicy, type SessionPolicy } from './session-policy';
import { SessionRegistry } from './session-registry';
import { SessionRenewal } from './session-renewal';
import { SessionRestore } from './session-restore';
import { SessionSignIn } from './session-sign-in';
import { SessionSignOut } from './session-sign-out';
import { SessionStorageKeeper } from './session-storage-keeper';

export interface SessionManagerOptions {
  readonly profiles: SessionProfiles;
  readonly secretStore: SecretStore;
  readonly policy?: SessionPolicy;
  readonly clock?: () => number;
  readonly scheduler?: Scheduler;
}

/**
 * Signs in, keeps several accounts across profiles (one active), renews them before they expire,
 * restores them silently from the keychain, locks them after idle time, and signs them out.
 * Invariants: a rotated refresh token is written to the keychain before the old one is forgotten; a
 * keychain failure degrades to memory-only as the policy allows (never a file); a refresh refused with
 * `invalid_grant` deletes the stored token and ends the session with a reason; concurrent refreshes of one
 * account share one request.
 *
 * This class is the one door the rest of main uses; each path lives in its own file (session-sign-in,
 * session-restore, session-renewal, session-sign-out, session-lock) over a shared SessionRegistry.
 */
export class SessionManager {
  readonly #registry: SessionRegistry;
  readonly #events = new SessionEvents();
  readonly #renewal: SessionRenewal;
  readonly #signIn: SessionSignIn;
  readonly #restore: SessionRestore;
  readonly #signOut: SessionSignOut;
  readonly #lock: SessionLock;
  readonly #clock: () => number;
  readonly #inFlight = new InFlight();
  /** Pending multi-factor sign-ins; completing one establishes the session like a password sign-in. */
  readonly mfa: MfaFlow;

  constructor(options: SessionManagerOptions) {
    const profiles = options.profiles;
    const policy = options.policy ?? permissiveSessionPolicy;
    const keeper = new SessionStorageKeeper(options.secretStore, policy, this.#inFlight);
    const clock = options.clock ?? Date.now;
    const timers = new RefreshTimers(options.scheduler ?? realScheduler);
    const registry = new SessionRegistry(profiles);
    const events = this.#events;
    const renewal = new SessionRenewal({ profiles, keeper, registry, events, timers, clock, inFlight: this.#inFlight });
    this.#clock = clock;
    this.#registry = registry;
    this.#renewal = renewal;
    this.#signIn = new SessionSignIn({ profiles, policy, keeper, registry, renewal, events, clock });
    this.#restore = new SessionRestore({ profiles, keeper, registry, renewal, events });
    this.#signOut = new SessionSignOut({ profiles, keeper, registry, renewal, events });
    this.#lock = new SessionLock({ registry, renewal, events });
    this.mfa = this.#signIn.mfa;
  }

  onChanged(listener: SessionListener): () => void {
    return this.#events.onChanged(listener);
  }

  /**
   * Hook for credentials kept elsewhere in main (the admin step-up): told, before anything else happens,
   * when an account signs out or expires, on "sign out of all", and on the idle lock.
   */
  onCredentialsEnded(listener: CredentialsEndedListener): () => void {
    return this.#events.onCredentialsEnded(listener);
  }

  active(): SessionSummary | null {
    return this.#registry.activeSummary();
  }

  accounts(): SessionSummary[] {
    return this.#registry.all().map((session) => this.#registry.summary(session));
  }

  switchTo(accountId: string): AppResult<SessionSummary> {
    const session = this.#registry.get(accountId);
    if (session === undefined) return err(appError('not_signed_in', 'That account is not signed in.'));
    this.#registry.activate(accountId);
    const summary = this.#registry.summary(session);
    this.#events.changed({ session: summary, reason: 'switched' });
    return ok(summary);
  }

  /** A usable access token for main's own calls (API console, admin client). It never crosses IPC. */
  async accessToken(accountId?: string): Promise<AppResult<string>> {
    const { id, session } = this.#registry.resolve(accountId);
    if (id === null || session === undefined) return err(appError('not_signed_in', 'Sign in first.'));
    if (session.tokens !== null && session.tokens.expiresAt > this.#clock()) return ok(session.tokens.accessToken);
    const renewed = await this.refresh(id);
    return renewed.ok && renewed.value.tokens !== null
      ? ok(renewed.value.tokens.accessToken)
      : err(renewed.ok ? lockedError() : renewed.error);
  }

  /** The account's current ID token, for the inspector in main. Null when locked or none was issued. */
  idToken(accountId?: string): string | null {
    return this.#registry.resolve(accountId).session?.tokens?.idToken ?? null;
  }

  /** What the access token before the account's last refresh said (claims only), or null before any refresh. */
  previousAccessToken(accountId?: string): PreviousAccessToken | null {
    return this.#registry.resolve(accountId).session?.previousAccess ?? null;
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
    const id = accountId ?? this.#registry.activeAccountId ?? '';
    const renewed = await this.refresh(id);
    if (!renewed.ok) return renewed;
    return renewed.value.tokens === null ? err(lockedError()) : ok(await call(renewed.value.tokens.accessToken));
  }

  signIn(input: SignInRequest): Promise<AppResult<SessionSummary>> {
    return this.#signIn.signIn(input);
  }

  /** Restores every stored account of every known profile. Resolves to the active session, or null. */
  restore(): Promise<AppResult<SessionSummary | null>> {
    return this.#restore.restore();
  }

  /** Renews one account's tokens. Concurrent callers share one request (single-flight). */
  refresh(accountId: string): Promise<AppResult<LiveSession>> {
    return this.#renewal.refresh(accountId);
  }

  /** Revokes at the server, deletes from the keychain, forgets. Works for stored-only accounts too (CLI). */
  signOut(accountId?: string): Promise<AppResult<{ signedOut: boolean }>> {
    return this.#signOut.signOut(accountId);
  }

  /** "Sign out of all my accounts": every live and stored account of every profile (or of one profile). */
  signOutAll(profileId?: string): Promise<AppResult<{ signedOut: number }>> {
    return this.#signOut.signOutAll(profileId);
  }

  /** Idle lock: drops every access and ID token from memory; refresh tokens stay, so unlocking is silent. */
  lock(): void {
    this.#lock.lock();
  }

  unlock(): Promise<AppResult<SessionSummary | null>> {
    return this.#lock.unlock();
  }

  /**
   * Quit, step one: stops starting new refreshes, then waits (at most `timeoutMs`) for the refreshes and
   * keychain writes in flight, so a token the server rotated is in the keychain before the app goes. True
   * when everything settled in time.
   */
  settle(timeoutMs: number): Promise<boolean> {
    this.#renewal.stopAll();
    return this.#inFlight.settle(timeoutMs);
  }

  /** Quit, step two (and tests): stops the proactive-refresh timers and drops every token from memory. */
  dispose(): void {
    this.#renewal.stopAll();
    for (const session of this.#registry.all()) this.#registry.remove(session.accountId);
  }
}
