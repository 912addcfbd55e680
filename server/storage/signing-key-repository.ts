import type { SqliteDatabase } from './database';

/** A stored signing key pair, as JWK JSON text. */
export interface StoredSigningKey {
  readonly kid: string;
  readonly alg: 'RS256';
  /** Private JWK JSON. A credential: never log it, never send it. */
  readonly privateJwk: string;
  readonly publicJwk: string;
  readonly createdAt: number;
  readonly retiredAt: number | null;
}

/** Signing keys. Rotation (issue #3) retires a key but keeps it published until its tokens expire. */
export interface SigningKeyRepository {
  /** Keys not yet retired, newest first. */
  listActive(): StoredSigningKey[];
  /** Every key still worth publishing: active ones plus those retired after `retiredAfter` (ms). */
  listPublishable(retiredAfter: number): StoredSigningKey[];
  insert(key: StoredSigningKey): void;
  /** Marks a key retired at `at`; it stays publishable for a while (keys/signing-keys.ts). */
  retire(kid: string, at: number): void;
  /** Replaces the stored private JWK text (sealing it when a key-encryption secret is first set). */
  replacePrivateJwk(kid: string, privateJwk: string): void;
}

interface Row {
  kid: string;
  alg: string;
  private_jwk: string;
  public_jwk: string;
  created_at: number;
  retired_at: number | null;
}

function toKey(row: Row): StoredSigningKey {
  if (row.alg !== 'RS256') throw new Error(`signing key ${row.kid} has unsupported alg`);
  return {
    kid: row.kid,
    alg: row.alg,
    privateJwk: row.private_jwk,
    publicJwk: row.public_jwk,
    createdAt: row.created_at,
    retiredAt: row.retired_at,
  };
}

/** SQLite-backed signing keys. */
export class SqliteSigningKeyRepository implements SigningKeyRepository {
  private readonly active;
  private readonly publishable;
  private readonly insertRow;
  private readonly retireRow;
  private readonly replacePrivate;

  constructor(db: SqliteDatabase) {
    this.active = db.prepare<[], Row>(
      'SELECT * FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC, kid',
    );
    this.publishable = db.prepare<[number], Row>(
      'SELECT * FROM signing_keys WHERE retired_at IS NULL OR retired_at > ? ORDER BY created_at DESC, kid',
    );
    this.insertRow = db.prepare(
      `INSERT INTO signing_keys (kid, alg, private_jwk, public_jwk, created_at, retired_at)
       VALUES (@kid, @alg, @privateJwk, @publicJwk, @createdAt, @retiredAt)`,
    );
    this.retireRow = db.prepare<[number, string]>(
      'UPDATE signing_keys SET retired_at = ? WHERE kid = ? AND retired_at IS NULL',
    );
    this.replacePrivate = db.prepare<[string, string]>('UPDATE signing_keys SET private_jwk = ? WHERE kid = ?');
  }

  listActive(): StoredSigningKey[] {
    return this.active.all().map(toKey);
  }

  listPublishable(retiredAfter: number): StoredSigningKey[] {
    return this.publishable.all(retiredAfter).map(toKey);
  }

  insert(key: StoredSigningKey): void {
    this.insertRow.run(key);
  }

  retire(kid: string, at: number): void {
    this.retireRow.run(at, kid);
  }

  replacePrivateJwk(kid: string, privateJwk: string): void {
    this.replacePrivate.run(privateJwk, kid);
  }
}
