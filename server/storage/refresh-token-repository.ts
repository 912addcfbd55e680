import type { SqliteDatabase } from './database';

/** Why a family was revoked; kept for the refresh-token health panel and tenant logs. */
export type RevocationReason =
  'reuse_detected' | 'revoked_by_client' | 'user_blocked' | 'password_changed' | 'user_deleted' | 'revoked_by_admin';

/** One issued refresh token. The token itself is never stored: only `tokenHash` (SHA-256, hex). */
export interface RefreshTokenRecord {
  readonly id: string;
  readonly familyId: string;
  readonly tokenHash: string;
  readonly clientId: string;
  readonly userId: string;
  /** Connection name at issue time. */
  readonly connection: string;
  /** API identifier, or null for a token that only reaches /userinfo. */
  readonly audience: string | null;
  /** The scope granted at login (space-delimited). Rotation copies it; it never widens. */
  readonly scope: string;
  /** `gty` of the grant that started the family (`password`). */
  readonly grantType: string;
  /** Position in the family: 0 for the login's token, +1 per rotation. */
  readonly counter: number;
  readonly createdAt: number;
  /** Absolute expiry of the family (ms), or null when non-expiring. */
  readonly expiresAt: number | null;
  /** Idle expiry (ms), renewed on each exchange, or null when there is none. */
  readonly idleExpiresAt: number | null;
  readonly lastUsedAt: number | null;
  readonly rotatedAt: number | null;
  readonly revokedAt: number | null;
  readonly revocationReason: RevocationReason | null;
}

/** Refresh-token rows. Callers group multi-step changes with `inTransaction`. */
export interface RefreshTokenRepository {
  insert(record: RefreshTokenRecord): void;
  findByHash(tokenHash: string): RefreshTokenRecord | undefined;
  /** The highest counter in the family (its newest token). */
  latestCounter(familyId: string): number;
  markRotated(id: string, at: number): void;
  /** Marks the family's current (unrotated, unrevoked) token as rotated. */
  markFamilyHeadRotated(familyId: string, at: number): void;
  /** Records use of a non-rotating token and pushes its idle expiry forward. */
  touch(id: string, at: number, idleExpiresAt: number | null): void;
  /** Revokes every token of the family that is not already revoked; returns how many. */
  revokeFamily(familyId: string, at: number, reason: RevocationReason): number;
  /** Revokes every live token of every family of the user; returns how many tokens. */
  revokeAllForUser(userId: string, at: number, reason: RevocationReason): number;
}

interface Row {
  id: string;
  family_id: string;
  token_hash: string;
  client_id: string;
  user_id: string;
  connection: string;
  audience: string | null;
  scope: string;
  grant_type: string;
  counter: number;
  created_at: number;
  expires_at: number | null;
  idle_expires_at: number | null;
  last_used_at: number | null;
  rotated_at: number | null;
  revoked_at: number | null;
  revocation_reason: string | null;
}

const reasons: readonly string[] = [
  'reuse_detected',
  'revoked_by_client',
  'user_blocked',
  'password_changed',
  'user_deleted',
  'revoked_by_admin',
];

function toRecord(row: Row): RefreshTokenRecord {
  const reason = row.revocation_reason;
  return {
    id: row.id,
    familyId: row.family_id,
    tokenHash: row.token_hash,
    clientId: row.client_id,
    userId: row.user_id,
    connection: row.connection,
    audience: row.audience,
    scope: row.scope,
    grantType: row.grant_type,
    counter: row.counter,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    idleExpiresAt: row.idle_expires_at,
    lastUsedAt: row.last_used_at,
    rotatedAt: row.rotated_at,
    revokedAt: row.revoked_at,
    revocationReason: reason !== null && reasons.includes(reason) ? (reason as RevocationReason) : null,
  };
}

/** SQLite-backed refresh tokens. */
export class SqliteRefreshTokenRepository implements RefreshTokenRepository {
  private readonly insertRow;
  private readonly byHash;
  private readonly latest;
  private readonly rotate;
  private readonly rotateHead;
  private readonly touchRow;
  private readonly revoke;
  private readonly revokeUser;

  constructor(db: SqliteDatabase) {
    this.insertRow = db.prepare(
      `INSERT INTO refresh_tokens (id, family_id, token_hash, client_id, user_id, connection, audience, scope,
                                   grant_type, counter, created_at, expires_at, idle_expires_at)
       VALUES (@id, @familyId, @tokenHash, @clientId, @userId, @connection, @audience, @scope, @grantType, @counter,
               @createdAt, @expiresAt, @idleExpiresAt)`,
    );
    this.byHash = db.prepare<[string], Row>('SELECT * FROM refresh_tokens WHERE token_hash = ?');
    this.latest = db.prepare<[string], { counter: number | null }>(
      'SELECT max(counter) AS counter FROM refresh_tokens WHERE family_id = ?',
    );
    this.rotate = db.prepare<[{ at: number; id: string }]>(
      'UPDATE refresh_tokens SET rotated_at = @at, last_used_at = @at WHERE id = @id AND rotated_at IS NULL',
    );
    this.rotateHead = db.prepare<[number, string]>(
      'UPDATE refresh_tokens SET rotated_at = ? WHERE family_id = ? AND rotated_at IS NULL AND revoked_at IS NULL',
    );
    this.touchRow = db.prepare<[number, number | null, string]>(
      'UPDATE refresh_tokens SET last_used_at = ?, idle_expires_at = ? WHERE id = ?',
    );
    this.revoke = db.prepare<[number, string, string]>(
      'UPDATE refresh_tokens SET revoked_at = ?, revocation_reason = ? WHERE family_id = ? AND revoked_at IS NULL',
    );
    // refresh_tokens_by_user (user_id, client_id) serves this.
    this.revokeUser = db.prepare<[number, string, string]>(
      'UPDATE refresh_tokens SET revoked_at = ?, revocation_reason = ? WHERE user_id = ? AND revoked_at IS NULL',
    );
  }

  insert(record: RefreshTokenRecord): void {
    this.insertRow.run({
      id: record.id,
      familyId: record.familyId,
      tokenHash: record.tokenHash,
      clientId: record.clientId,
      userId: record.userId,
      connection: record.connection,
      audience: record.audience,
      scope: record.scope,
      grantType: record.grantType,
      counter: record.counter,
      createdAt: record.createdAt,
      expiresAt: record.expiresAt,
      idleExpiresAt: record.idleExpiresAt,
    });
  }

  findByHash(tokenHash: string): RefreshTokenRecord | undefined {
    const row = this.byHash.get(tokenHash);
    return row && toRecord(row);
  }

  latestCounter(familyId: string): number {
    return this.latest.get(familyId)?.counter ?? -1;
  }

  markRotated(id: string, at: number): void {
    this.rotate.run({ at, id });
  }

  markFamilyHeadRotated(familyId: string, at: number): void {
    this.rotateHead.run(at, familyId);
  }

  touch(id: string, at: number, idleExpiresAt: number | null): void {
    this.touchRow.run(at, idleExpiresAt, id);
  }

  revokeFamily(familyId: string, at: number, reason: RevocationReason): number {
    return this.revoke.run(at, reason, familyId).changes;
  }

  revokeAllForUser(userId: string, at: number, reason: RevocationReason): number {
    return this.revokeUser.run(at, reason, userId).changes;
  }
}
