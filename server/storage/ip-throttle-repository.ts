import type { Clock } from '../config';
import type { ThrottleStage } from '../security/attack-protection-settings';
import type { SqliteDatabase } from './database';
import { inTransaction } from './database';

/**
 * Suspicious-IP throttling buckets (auth0-wire.md §3.3): each IP may fail `maxAttempts` logins, and earns
 * one attempt back every `rate` ms. An IP whose allowance is below one is throttled.
 */
export interface IpThrottleStore {
  /** Whether `ip` is throttled now under `stage`. */
  isThrottled(ip: string, stage: ThrottleStage): boolean;
  /** Spends one attempt for a failed login; returns whether this failure started the throttle. */
  recordFailure(ip: string, stage: ThrottleStage): { throttledNow: boolean };
  /** Lifts a throttle (Auth0 `DELETE /api/v2/anomaly/blocks/ips/{ip}`). Returns whether there was one. */
  release(ip: string): boolean;
  /** IPs throttled now. */
  listThrottled(stage: ThrottleStage): string[];
  /** Drops buckets that have refilled completely. Returns how many. */
  purgeFull(stage: ThrottleStage): number;
}

interface Row {
  allowance: number;
  updated_at: number;
}

/** The allowance at `now`: refilled one per `rate` ms since the last update, at most `maxAttempts`. */
export function refilledAllowance(row: Row | undefined, stage: ThrottleStage, now: number): number {
  if (!row) return stage.maxAttempts;
  const earned = Math.max(0, now - row.updated_at) / stage.rate;
  return Math.min(stage.maxAttempts, row.allowance + earned);
}

/** SQLite-backed buckets (table `ip_throttle`, migration 012). */
export class SqliteIpThrottleStore implements IpThrottleStore {
  private readonly s;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly clock: Clock,
  ) {
    this.s = {
      get: db.prepare<[string], Row>('SELECT allowance, updated_at FROM ip_throttle WHERE ip = ?'),
      put: db.prepare<[string, number, number, number | null]>(
        `INSERT INTO ip_throttle (ip, allowance, updated_at, throttled_at) VALUES (?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET allowance = excluded.allowance, updated_at = excluded.updated_at,
                                   throttled_at = excluded.throttled_at`,
      ),
      delete: db.prepare<[string]>('DELETE FROM ip_throttle WHERE ip = ?'),
      all: db.prepare<[], Row & { ip: string }>('SELECT ip, allowance, updated_at FROM ip_throttle ORDER BY ip'),
    };
  }

  isThrottled(ip: string, stage: ThrottleStage): boolean {
    return refilledAllowance(this.s.get.get(ip), stage, this.clock()) < 1;
  }

  recordFailure(ip: string, stage: ThrottleStage): { throttledNow: boolean } {
    const now = this.clock();
    return inTransaction(this.db, () => {
      const before = refilledAllowance(this.s.get.get(ip), stage, now);
      const after = Math.max(0, before - 1);
      const throttledNow = before >= 1 && after < 1;
      this.s.put.run(ip, after, now, after < 1 ? now : null);
      return { throttledNow };
    });
  }

  release(ip: string): boolean {
    return this.s.delete.run(ip).changes > 0;
  }

  listThrottled(stage: ThrottleStage): string[] {
    const now = this.clock();
    return this.s.all
      .all()
      .filter((row) => refilledAllowance(row, stage, now) < 1)
      .map((row) => row.ip);
  }

  purgeFull(stage: ThrottleStage): number {
    const now = this.clock();
    let purged = 0;
    for (const row of this.s.all.all()) {
      if (refilledAllowance(row, stage, now) >= stage.maxAttempts) purged += this.s.delete.run(row.ip).changes;
    }
    return purged;
  }
}
