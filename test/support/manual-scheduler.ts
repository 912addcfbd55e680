import type { Scheduler } from '../../main/session/refresh-scheduler';

/** Timers moved by hand: `advance(ms)` runs whatever falls due. For unit tests of time-driven code. */
export class ManualScheduler implements Scheduler {
  now = 0;
  readonly #timers = new Map<number, { at: number; run: () => void }>();
  #nextId = 1;

  set(run: () => void, delayMs: number): unknown {
    const id = this.#nextId++;
    this.#timers.set(id, { at: this.now + delayMs, run });
    return id;
  }

  clear(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  pendingDelays(): number[] {
    return [...this.#timers.values()].map((timer) => timer.at - this.now);
  }

  advance(ms: number): void {
    this.now += ms;
    for (const [id, timer] of [...this.#timers]) {
      if (timer.at <= this.now) {
        this.#timers.delete(id);
        timer.run();
      }
    }
  }
}
