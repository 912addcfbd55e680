/** Timers as the session manager needs them; injected so tests move time by hand. */
export interface Scheduler {
  set(run: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

/** Real timers that never keep a CLI process alive on their own. */
export const realScheduler: Scheduler = {
  set: (run, delayMs) => setTimeout(run, delayMs).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Refresh when 80% of the access token's lifetime has passed (design/features.md, "Refresh"). */
export const proactiveRefreshFraction = 0.8;
/** After a failed proactive refresh that may succeed later (network), try again this much later. */
export const refreshRetryMs = 30_000;

export function proactiveRefreshDelay(receivedAt: number, expiresAt: number, now: number): number {
  const dueAt = receivedAt + (expiresAt - receivedAt) * proactiveRefreshFraction;
  return Math.max(0, Math.round(dueAt - now));
}

/** One pending timer per account. */
export class RefreshTimers {
  readonly #timers = new Map<string, unknown>();

  constructor(private readonly scheduler: Scheduler) {}

  schedule(accountId: string, delayMs: number, run: () => void): void {
    this.cancel(accountId);
    this.#timers.set(
      accountId,
      this.scheduler.set(() => {
        this.#timers.delete(accountId);
        run();
      }, delayMs),
    );
  }

  cancel(accountId: string): void {
    const handle = this.#timers.get(accountId);
    if (handle !== undefined) this.scheduler.clear(handle);
    this.#timers.delete(accountId);
  }

  cancelAll(): void {
    for (const accountId of [...this.#timers.keys()]) this.cancel(accountId);
  }
}
