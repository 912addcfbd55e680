import type { SqliteDatabase } from './database';

/** A token bucket's shape: `capacity` tokens, one more every `refillMs`. */
export interface BucketShape {
  readonly capacity: number;
  readonly refillMs: number;
}

/**
 * Failed second-factor attempts per user, as a token bucket (auth0-wire.md §4.5: 10 attempts, refilling
 * 1 every 6 minutes). A user with no row has a full bucket.
 */
export interface MfaAttemptRepository {
  /** Tokens left at `now` (fractional while refilling). */
  available(userId: string, now: number): number;
  /** Takes one token for a failed attempt and returns what is left. */
  consume(userId: string, now: number): number;
}

/** SQLite-backed attempt buckets. */
export class SqliteMfaAttemptRepository implements MfaAttemptRepository {
  private readonly select;
  private readonly upsert;

  constructor(
    db: SqliteDatabase,
    private readonly shape: BucketShape,
  ) {
    this.select = db.prepare<[string], { tokens: number; updated_at: number }>(
      'SELECT tokens, updated_at FROM mfa_attempt_buckets WHERE user_id = ?',
    );
    this.upsert = db.prepare<[string, number, number]>(
      `INSERT INTO mfa_attempt_buckets (user_id, tokens, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET tokens = excluded.tokens, updated_at = excluded.updated_at`,
    );
  }

  available(userId: string, now: number): number {
    const row = this.select.get(userId);
    if (!row) return this.shape.capacity;
    const refilled = Math.max(0, now - row.updated_at) / this.shape.refillMs;
    return Math.min(this.shape.capacity, row.tokens + refilled);
  }

  consume(userId: string, now: number): number {
    const left = Math.max(0, this.available(userId, now) - 1);
    this.upsert.run(userId, left, now);
    return left;
  }
}
