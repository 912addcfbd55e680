import type { SessionSummary } from '../../common/ipc/session.schema';
import { summaryOf, type LiveSession } from './live-session';
import type { SessionProfiles } from './session-profiles';

/**
 * The live sessions and which one is active: the state every session path (sign-in, restore, refresh,
 * sign-out, lock) reads and changes. It holds no timers and makes no calls, so it cannot get out of step.
 */
export class SessionRegistry {
  readonly #sessions = new Map<string, LiveSession>();
  #activeAccountId: string | null = null;

  constructor(private readonly profiles: SessionProfiles) {}

  get activeAccountId(): string | null {
    return this.#activeAccountId;
  }

  /** Makes `accountId` the active account; callers check it is live first. */
  activate(accountId: string): void {
    this.#activeAccountId = accountId;
  }

  /** Makes `accountId` active only if no account is (restore: the first restored account wins). */
  activateIfNone(accountId: string): void {
    this.#activeAccountId ??= accountId;
  }

  get(accountId: string): LiveSession | undefined {
    return this.#sessions.get(accountId);
  }

  has(accountId: string): boolean {
    return this.#sessions.has(accountId);
  }

  /** The account `accountId`, or the active one when it is undefined; undefined if neither is live. */
  resolve(accountId: string | undefined): { id: string | null; session: LiveSession | undefined } {
    const id = accountId ?? this.#activeAccountId;
    return { id, session: id === null ? undefined : this.#sessions.get(id) };
  }

  all(): LiveSession[] {
    return [...this.#sessions.values()];
  }

  get size(): number {
    return this.#sessions.size;
  }

  /** Adds or replaces the account's session (a refresh replaces it with fresh tokens). */
  put(session: LiveSession): void {
    this.#sessions.set(session.accountId, session);
  }

  /** Forgets the account; if it was active, another live account (in insertion order) becomes active. */
  remove(accountId: string): void {
    this.#sessions.delete(accountId);
    if (this.#activeAccountId === accountId) this.#activeAccountId = this.#sessions.keys().next().value ?? null;
  }

  summary(session: LiveSession): SessionSummary {
    return summaryOf(session, this.profiles.get(session.ref.profileId)?.profile.audience);
  }

  activeSummary(): SessionSummary | null {
    const session = this.#activeAccountId === null ? undefined : this.#sessions.get(this.#activeAccountId);
    return session === undefined ? null : this.summary(session);
  }
}
