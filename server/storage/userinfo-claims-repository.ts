import { z } from 'zod';
import type { Clock } from '../config';
import type { SqliteDatabase } from './database';
import { readJson } from './json-column';

/** The custom ID-token claims issued with one access token. */
export interface IssuedUserinfoClaims {
  /** SHA-256 (hex) of the access token; the token itself is never stored. */
  readonly tokenHash: string;
  readonly userId: string;
  readonly claims: Readonly<Record<string, unknown>>;
  /** When the access token expires (ms). */
  readonly expiresAt: number;
}

/** Custom claims for `/userinfo`, per access token (migrations/031-userinfo-claims.ts). */
export interface UserinfoClaimsRepository {
  remember(entry: IssuedUserinfoClaims): void;
  /** The claims issued with the access token hashing to `tokenHash`, if any were. */
  find(tokenHash: string): Record<string, unknown> | undefined;
}

const ClaimsColumn = z.record(z.string(), z.unknown());

/**
 * Rows outlive their token by this much before the sweep removes them, so a token still accepted within
 * /userinfo's clock-skew allowance keeps its claims.
 */
const KEEP_AFTER_EXPIRY_MS = 10 * 60 * 1000;
/** Expired rows are swept at most this often, on a write. */
const SWEEP_EVERY_MS = 60 * 1000;

/** SQLite-backed userinfo claims. */
export class SqliteUserinfoClaimsRepository implements UserinfoClaimsRepository {
  private readonly statements;
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(
    db: SqliteDatabase,
    private readonly clock: Clock,
  ) {
    this.statements = {
      insert: db.prepare<[string, string, string, number]>(
        'INSERT OR REPLACE INTO userinfo_claims (token_hash, user_id, claims, expires_at) VALUES (?, ?, ?, ?)',
      ),
      find: db.prepare<[string], { claims: string }>('SELECT claims FROM userinfo_claims WHERE token_hash = ?'),
      sweep: db.prepare<[number]>('DELETE FROM userinfo_claims WHERE expires_at < ?'),
    };
  }

  remember(entry: IssuedUserinfoClaims): void {
    const now = this.clock();
    if (now - this.lastSweep >= SWEEP_EVERY_MS) {
      this.lastSweep = now;
      this.statements.sweep.run(now - KEEP_AFTER_EXPIRY_MS);
    }
    this.statements.insert.run(entry.tokenHash, entry.userId, JSON.stringify(entry.claims), entry.expiresAt);
  }

  find(tokenHash: string): Record<string, unknown> | undefined {
    const row = this.statements.find.get(tokenHash);
    return row && readJson(ClaimsColumn, row.claims, 'userinfo_claims.claims');
  }
}
