/**
 * The work that must reach the keychain before the app may quit: refresh grants on the wire (the server
 * may already have rotated the token) and keychain writes. `settle` waits for all of it, bounded, so a
 * quit during a rotation does not leave the keychain holding a token the server has already retired.
 */
export class InFlight {
  readonly #pending = new Set<Promise<unknown>>();

  /** Tracks `work` until it settles, and hands it back unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.#pending.add(work);
    const untrack = () => this.#pending.delete(work);
    work.then(untrack, untrack);
    return work;
  }

  get size(): number {
    return this.#pending.size;
  }

  /**
   * Resolves true once nothing is pending (work started while waiting is waited for too), or false when
   * `timeoutMs` runs out first.
   */
  async settle(timeoutMs: number): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      while (this.#pending.size > 0) {
        const outcome = await Promise.race([Promise.allSettled([...this.#pending]), timedOut]);
        if (outcome === 'timeout') return false;
      }
      return true;
    } finally {
      clearTimeout(timer);
    }
  }
}
