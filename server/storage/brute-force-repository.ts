import type { Clock } from '../config';
import type { NewLogEvent, TenantLog } from '../logs/tenant-log';
import type { SqliteDatabase } from './database';
import { inTransaction } from './database';

/** A brute-force block lasts 30 days unless released (auth0-wire.md §3.2). */
export const BLOCK_DURATION_MS = 30 * 24 * 60 * 60 * 1000;

/** Identifiers longer than this are cut before they are stored (emails are at most 254). */
const MAX_IDENTIFIER_LENGTH = 320;

/**
 * How identifiers are compared: trimmed, ASCII letters folded, as database connections match users
 * (COLLATE NOCASE). The same text is counted whether or not a user has it.
 */
export function normalizeIdentifier(identifier: string): string {
  return identifier
    .trim()
    .replace(/[A-Z]/g, (letter) => letter.toLowerCase())
    .slice(0, MAX_IDENTIFIER_LENGTH);
}

/** One active block, in the shape of Auth0's `blocked_for` items (`ip` absent in per-identifier mode). */
export interface UserBlock {
  readonly identifier: string;
  readonly ip?: string;
  readonly connection: string;
}

/** Who released a block, for the `ublkdu` event (the admin's request). */
export type BlockReleaseContext = Pick<NewLogEvent, 'ip' | 'clientIp' | 'clientId' | 'clientName' | 'userAgent'>;

/**
 * Brute-force blocks as the Management API sees them (`/api/v2/user-blocks`, §3.2). Releasing a block
 * also resets its counter and writes one `ublkdu` event per released block.
 */
export interface UserBlockStore {
  /** Active blocks whose identifier is `identifier` (any connection, any IP). */
  listByIdentifier(identifier: string): UserBlock[];
  /** Active blocks on the user's email or username in the user's connection. */
  listByUserId(userId: string): UserBlock[];
  /** Releases the blocks `listByIdentifier` would list; returns them. */
  clearByIdentifier(identifier: string, context?: BlockReleaseContext): UserBlock[];
  /** Releases the blocks `listByUserId` would list; returns them. */
  clearByUserId(userId: string, context?: BlockReleaseContext): UserBlock[];
}

/** The key a failure is counted under; `ip` is '' in per-identifier mode. */
export interface FailureKey {
  readonly connection: string;
  readonly identifier: string;
  readonly ip: string;
}

/** The login path's view of the counters (security/brute-force-guard.ts). */
export interface LoginFailureCounters {
  /** When the key is blocked now, the time the block began; else undefined. */
  blockedSince(key: FailureKey): number | undefined;
  /**
   * Counts one failure (a counter idle for 30 days starts again at 1) and blocks the key when it reaches
   * `maxAttempts`. Returns the count and whether this failure started the block.
   */
  recordFailure(key: FailureKey, maxAttempts: number): { failures: number; blockedNow: boolean };
  /** A successful login clears its key's counter ("consecutive" failures). */
  reset(key: FailureKey): void;
  /** Drops counters idle for longer than a block lasts. Returns how many. */
  purgeStale(): number;
}

interface BlockRow {
  connection: string;
  identifier: string;
  ip: string;
}

function toBlock(row: BlockRow): UserBlock {
  return row.ip === ''
    ? { identifier: row.identifier, connection: row.connection }
    : { identifier: row.identifier, ip: row.ip, connection: row.connection };
}

/** SQLite-backed counters and blocks (table `login_failures`, migration 012). */
export class SqliteBruteForceRepository implements UserBlockStore, LoginFailureCounters {
  private readonly s;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly clock: Clock,
    private readonly log: TenantLog,
  ) {
    const key = 'connection = @connection AND identifier = @identifier AND ip = @ip';
    // The user's identifiers in their own connection; `users` matches them without case (COLLATE NOCASE).
    const userKeys = `SELECT c.name AS connection, lower(u.email) AS identifier FROM users u
                        JOIN connections c ON c.id = u.connection_id WHERE u.id = @userId AND u.email IS NOT NULL
                      UNION
                      SELECT c.name, lower(u.username) FROM users u
                        JOIN connections c ON c.id = u.connection_id WHERE u.id = @userId AND u.username IS NOT NULL`;
    this.s = {
      blockedAt: db.prepare<[FailureKey], { blocked_at: number | null }>(
        `SELECT blocked_at FROM login_failures WHERE ${key}`,
      ),
      upsertFailure: db.prepare<[FailureKey & { now: number; staleBefore: number }], { failures: number }>(
        `INSERT INTO login_failures (connection, identifier, ip, failures, last_failure_at, blocked_at)
         VALUES (@connection, @identifier, @ip, 1, @now, NULL)
         ON CONFLICT DO UPDATE SET
           failures = CASE WHEN last_failure_at <= @staleBefore THEN 1 ELSE failures + 1 END,
           blocked_at = CASE WHEN last_failure_at <= @staleBefore THEN NULL ELSE blocked_at END,
           last_failure_at = @now
         RETURNING failures`,
      ),
      block: db.prepare<[FailureKey & { now: number }]>(
        `UPDATE login_failures SET blocked_at = @now WHERE ${key} AND blocked_at IS NULL`,
      ),
      reset: db.prepare<[FailureKey]>(`DELETE FROM login_failures WHERE ${key}`),
      exists: db.prepare<[FailureKey], { one: number }>(`SELECT 1 AS one FROM login_failures WHERE ${key}`),
      purge: db.prepare<[number]>('DELETE FROM login_failures WHERE last_failure_at < ?'),
      byIdentifier: db.prepare<[{ identifier: string; activeAfter: number }], BlockRow>(
        `SELECT connection, identifier, ip FROM login_failures
          WHERE identifier = @identifier AND blocked_at > @activeAfter ORDER BY connection, ip`,
      ),
      byUser: db.prepare<[{ userId: string; activeAfter: number }], BlockRow>(
        `SELECT f.connection, f.identifier, f.ip FROM login_failures f JOIN (${userKeys}) k
            ON f.connection = k.connection AND f.identifier = k.identifier
          WHERE f.blocked_at > @activeAfter ORDER BY f.connection, f.identifier, f.ip`,
      ),
    };
  }

  blockedSince(key: FailureKey): number | undefined {
    const blockedAt = this.s.blockedAt.get(key)?.blocked_at ?? null;
    return blockedAt !== null && this.clock() < blockedAt + BLOCK_DURATION_MS ? blockedAt : undefined;
  }

  recordFailure(key: FailureKey, maxAttempts: number): { failures: number; blockedNow: boolean } {
    const now = this.clock();
    return inTransaction(this.db, () => {
      const failures = this.s.upsertFailure.get({ ...key, now, staleBefore: now - BLOCK_DURATION_MS })?.failures ?? 1;
      const blockedNow = failures >= maxAttempts && this.s.block.run({ ...key, now }).changes > 0;
      return { failures, blockedNow };
    });
  }

  reset(key: FailureKey): void {
    // Most logins have no counter: a read avoids a write transaction on every successful login.
    if (this.s.exists.get(key) !== undefined) this.s.reset.run(key);
  }

  purgeStale(): number {
    return this.s.purge.run(this.clock() - BLOCK_DURATION_MS).changes;
  }

  listByIdentifier(identifier: string): UserBlock[] {
    return this.s.byIdentifier
      .all({ identifier: normalizeIdentifier(identifier), activeAfter: this.activeAfter() })
      .map(toBlock);
  }

  listByUserId(userId: string): UserBlock[] {
    return this.s.byUser.all({ userId, activeAfter: this.activeAfter() }).map(toBlock);
  }

  clearByIdentifier(identifier: string, context: BlockReleaseContext = {}): UserBlock[] {
    return this.release(() => this.listByIdentifier(identifier), context);
  }

  clearByUserId(userId: string, context: BlockReleaseContext = {}): UserBlock[] {
    return this.release(() => this.listByUserId(userId), context, `auth0|${userId}`);
  }

  private release(find: () => UserBlock[], context: BlockReleaseContext, userId?: string): UserBlock[] {
    const released = inTransaction(this.db, () => {
      const blocks = find();
      for (const block of blocks) this.s.reset.run({ ...block, ip: block.ip ?? '' });
      return blocks;
    });
    for (const block of released) {
      this.log.write({
        ...context,
        type: 'ublkdu',
        connection: block.connection,
        userName: block.identifier,
        ...(userId !== undefined && { userId }),
        details: { identifier: block.identifier, ...(block.ip !== undefined && { blocked_ip: block.ip }) },
      });
    }
    return released;
  }

  private activeAfter(): number {
    return this.clock() - BLOCK_DURATION_MS;
  }
}
