import { describe, expect, it } from 'vitest';
import { ManagementRateLimiter } from '../../../../server/management/rate-limit';

describe('ManagementRateLimiter', () => {
  it('allows a burst of `capacity`, then refills at the rate, per key', () => {
    const limiter = new ManagementRateLimiter({ capacity: 3, refillPerSecond: 2 });
    const start = 1_000_000;
    expect([1, 2, 3].map(() => limiter.take('a', start).allowed)).toEqual([true, true, true]);
    const refused = limiter.take('a', start);
    expect(refused).toEqual({
      allowed: false,
      limit: 3,
      remaining: 0,
      reset: Math.ceil(start / 1000 + 1.5),
      retryAfter: 1,
    });
    expect(limiter.take('b', start).allowed).toBe(true);
    expect(limiter.take('a', start + 499).allowed).toBe(false);
    expect(limiter.take('a', start + 1000).allowed).toBe(true);
    expect(limiter.take('a', start + 60_000)).toMatchObject({ allowed: true, remaining: 2 });
  });
});
