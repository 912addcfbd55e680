/** A clock tests move by hand, injected as the server's `clock`. */
export interface TestClock {
  /** Pass this as `clock`. */
  readonly now: () => number;
  /** Moves time forward by `ms`. */
  advance(ms: number): void;
}

export const SECOND = 1000;
export const DAY = 24 * 60 * 60 * SECOND;

/** Starts at `start` (default: the real time now, so tokens stay verifiable at first). */
export function createTestClock(start: number = Date.now()): TestClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
  };
}
