/**
 * Locks sessions after the machine has been idle for the policy's time. It polls an idle-seconds source
 * (Electron's powerMonitor in the app) and locks once per idle period, not on every poll.
 */
export class IdleLock {
  #lockedThisIdlePeriod = false;

  constructor(
    private readonly options: {
      readonly idleSeconds: () => number;
      readonly limitSeconds: number;
      readonly lock: () => void;
    },
  ) {}

  /** Call periodically (every 15–30 s is plenty). */
  check(): void {
    const idle = this.options.idleSeconds();
    if (idle < this.options.limitSeconds) {
      this.#lockedThisIdlePeriod = false;
      return;
    }
    if (!this.#lockedThisIdlePeriod) {
      this.#lockedThisIdlePeriod = true;
      this.options.lock();
    }
  }
}
