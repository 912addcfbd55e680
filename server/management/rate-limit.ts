/** A token bucket: `capacity` requests at once, refilled at `refillPerSecond`. */
export interface RateLimitPolicy {
  readonly capacity: number;
  readonly refillPerSecond: number;
}

/**
 * Our default for each caller of the Management API: bursts of 200, then 50 requests a second. Auth0's
 * own limits depend on the plan; these are generous enough for the admin pane and the Deploy CLI (which
 * keeps itself to 8 a second) while still stopping a runaway script.
 */
export const defaultManagementRateLimit: RateLimitPolicy = { capacity: 200, refillPerSecond: 50 };

/** One decision, with what the `X-RateLimit-*` headers say (auth0-wire.md §5.3 and §7). */
export interface RateLimitDecision {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** UTC epoch seconds when the bucket is full again. */
  readonly reset: number;
  /** Whole seconds until the next request would be allowed (0 when this one was). */
  readonly retryAfter: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Buckets kept before idle (full) ones are dropped, so the map cannot grow without bound. */
const MAX_BUCKETS = 10_000;

/** Per-caller token buckets, kept in memory (a restart forgives everyone, which is harmless). */
export class ManagementRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly policy: RateLimitPolicy = defaultManagementRateLimit) {}

  /** Spends one token of `key`'s bucket at time `now` (ms) if there is one. */
  take(key: string, now: number): RateLimitDecision {
    const { capacity, refillPerSecond } = this.policy;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, updatedAt: now };
    const elapsed = Math.max(0, now - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * refillPerSecond);
    bucket.updatedAt = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= MAX_BUCKETS) this.dropIdle(now);
      this.buckets.set(key, bucket);
    }
    const secondsToFull = (capacity - bucket.tokens) / refillPerSecond;
    return {
      allowed,
      limit: capacity,
      remaining: Math.floor(bucket.tokens),
      reset: Math.ceil(now / 1000 + secondsToFull),
      retryAfter: allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond)),
    };
  }

  private dropIdle(now: number): void {
    const { capacity, refillPerSecond } = this.policy;
    for (const [key, bucket] of this.buckets) {
      const refilled = bucket.tokens + ((now - bucket.updatedAt) / 1000) * refillPerSecond;
      if (refilled >= capacity) this.buckets.delete(key);
    }
  }
}
