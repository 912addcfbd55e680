import { randomBytes } from 'node:crypto';
import type { Clock } from '../config';
import type { ValueCipher } from '../extensibility/value-cipher';
import type { SqliteDatabase } from './database';
import { inTransaction } from './database';

export type AuthenticatorType = 'otp' | 'oob' | 'recovery-code';
export type OobChannel = 'sms' | 'email';

/** An enrolled (or enrolling) second factor (auth0-wire.md §4.2). Secrets never leave the repository. */
export interface Authenticator {
  /** `totp|dev_…`, `email|dev_…`, `sms|dev_…` or `recovery-code|dev_…`, as Auth0. */
  readonly id: string;
  readonly userId: string;
  readonly type: AuthenticatorType;
  readonly oobChannel: OobChannel | null;
  /** The phone number or email address codes go to (OOB only). */
  readonly target: string | null;
  /** False until the first successful MFA grant with it confirms the enrolment. */
  readonly active: boolean;
  readonly createdAt: number;
  readonly confirmedAt: number | null;
  readonly lastUsedAt: number | null;
}

export interface NewAuthenticator {
  readonly userId: string;
  readonly type: AuthenticatorType;
  readonly oobChannel?: OobChannel;
  readonly target?: string;
  /** Base32 TOTP secret (OTP only); stored sealed. */
  readonly totpSecret?: string;
  /** SHA-256 of the recovery code (recovery-code only). */
  readonly recoveryCodeHash?: string;
  readonly active?: boolean;
}

/** Authenticators storage (issue #4). */
export interface AuthenticatorRepository {
  /** Real factors oldest first, then the recovery code. */
  listForUser(userId: string): Authenticator[];
  findById(id: string): Authenticator | undefined;
  hasActive(userId: string): boolean;
  create(input: NewAuthenticator): Authenticator;
  /** The opened TOTP secret of an OTP authenticator. */
  totpSecret(id: string): string | undefined;
  /** The stored recovery-code hash of the user's recovery-code authenticator. */
  recoveryCodeHash(userId: string): { readonly id: string; readonly hash: string } | undefined;
  /** Replaces the user's recovery code (the old one stops working), keeping one such authenticator. */
  setRecoveryCode(userId: string, hash: string, active: boolean): Authenticator;
  /** Replaces the recovery code only if it still is `expectedHash`: each code works once, even concurrently. */
  swapRecoveryCode(userId: string, expectedHash: string, nextHash: string): boolean;
  activate(id: string): void;
  markUsed(id: string): void;
  /**
   * Records that the TOTP code of `timeStep` was used, if it is later than the last one used. Returns false
   * for a replay, so each code works once (RFC 6238 §5.2), atomically even under concurrent requests.
   */
  claimTimeStep(id: string, timeStep: number): boolean;
  delete(id: string): boolean;
  /** Enrolments that never completed (called before a new enrolment). */
  deleteInactive(userId: string): number;
  /** With the last real factor gone, recovery codes are pointless too. */
  deleteAllForUser(userId: string): number;
}

interface Row {
  id: string;
  user_id: string;
  type: AuthenticatorType;
  oob_channel: OobChannel | null;
  target: string | null;
  secret: string | null;
  active: number;
  created_at: number;
  confirmed_at: number | null;
  last_used_at: number | null;
}

function toAuthenticator(row: Row): Authenticator {
  return {
    id: row.id,
    userId: row.user_id,
    type: row.type,
    oobChannel: row.oob_channel,
    target: row.target,
    active: row.active === 1,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    lastUsedAt: row.last_used_at,
  };
}

function idPrefix(input: Pick<NewAuthenticator, 'type' | 'oobChannel'>): string {
  if (input.type === 'otp') return 'totp';
  if (input.type === 'recovery-code') return 'recovery-code';
  return input.oobChannel ?? 'email';
}

/** SQLite-backed authenticators. */
export class SqliteAuthenticatorRepository implements AuthenticatorRepository {
  private readonly statements;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly cipher: ValueCipher,
    private readonly clock: Clock,
  ) {
    this.statements = {
      forUser: db.prepare<[string], Row>(
        "SELECT * FROM authenticators WHERE user_id = ? ORDER BY type = 'recovery-code', created_at, id",
      ),
      byId: db.prepare<[string], Row>('SELECT * FROM authenticators WHERE id = ?'),
      active: db.prepare<[string], { one: number }>(
        "SELECT 1 AS one FROM authenticators WHERE user_id = ? AND active = 1 AND type <> 'recovery-code' LIMIT 1",
      ),
      recovery: db.prepare<[string], Row>("SELECT * FROM authenticators WHERE user_id = ? AND type = 'recovery-code'"),
      insert: db.prepare(
        `INSERT INTO authenticators (id, user_id, type, oob_channel, target, secret, active, created_at, confirmed_at)
         VALUES (@id, @userId, @type, @oobChannel, @target, @secret, @active, @now, @confirmedAt)`,
      ),
      setSecret: db.prepare<[string, number, number, string]>(
        'UPDATE authenticators SET secret = ?, active = max(active, ?), last_used_at = ? WHERE id = ?',
      ),
      swapRecovery: db.prepare<[string, number, string, string]>(
        `UPDATE authenticators SET secret = ?, last_used_at = ?
          WHERE user_id = ? AND type = 'recovery-code' AND active = 1 AND secret = ?`,
      ),
      activate: db.prepare<[number, number, string]>(
        'UPDATE authenticators SET active = 1, confirmed_at = coalesce(confirmed_at, ?), last_used_at = ? WHERE id = ?',
      ),
      used: db.prepare<[number, string]>('UPDATE authenticators SET last_used_at = ? WHERE id = ?'),
      claim: db.prepare<[number, string, number]>(
        `UPDATE authenticators SET last_time_step = ?
          WHERE id = ? AND (last_time_step IS NULL OR last_time_step < ?)`,
      ),
      remove: db.prepare<[string]>('DELETE FROM authenticators WHERE id = ?'),
      removeInactive: db.prepare<[string]>('DELETE FROM authenticators WHERE user_id = ? AND active = 0'),
      removeAll: db.prepare<[string]>('DELETE FROM authenticators WHERE user_id = ?'),
    };
  }

  listForUser(userId: string): Authenticator[] {
    return this.statements.forUser.all(userId).map(toAuthenticator);
  }

  findById(id: string): Authenticator | undefined {
    const row = this.statements.byId.get(id);
    return row && toAuthenticator(row);
  }

  hasActive(userId: string): boolean {
    return this.statements.active.get(userId) !== undefined;
  }

  create(input: NewAuthenticator): Authenticator {
    const id = `${idPrefix(input)}|dev_${randomBytes(12).toString('base64url')}`;
    const now = this.clock();
    const secret =
      input.totpSecret !== undefined ? this.cipher.seal(input.totpSecret) : (input.recoveryCodeHash ?? null);
    this.statements.insert.run({
      id,
      userId: input.userId,
      type: input.type,
      oobChannel: input.oobChannel ?? null,
      target: input.target ?? null,
      secret,
      active: input.active === true ? 1 : 0,
      now,
      confirmedAt: input.active === true ? now : null,
    });
    const created = this.findById(id);
    if (!created) throw new Error('authenticator vanished right after insert');
    return created;
  }

  totpSecret(id: string): string | undefined {
    const row = this.statements.byId.get(id);
    if (!row || row.type !== 'otp' || row.secret === null) return undefined;
    return this.cipher.open(row.secret);
  }

  recoveryCodeHash(userId: string): { readonly id: string; readonly hash: string } | undefined {
    const row = this.statements.recovery.get(userId);
    return row && row.secret !== null ? { id: row.id, hash: row.secret } : undefined;
  }

  setRecoveryCode(userId: string, hash: string, active: boolean): Authenticator {
    return inTransaction(this.db, () => {
      const existing = this.statements.recovery.get(userId);
      if (!existing) return this.create({ userId, type: 'recovery-code', recoveryCodeHash: hash, active });
      this.statements.setSecret.run(hash, active ? 1 : 0, this.clock(), existing.id);
      const updated = this.findById(existing.id);
      if (!updated) throw new Error('authenticator vanished inside its own transaction');
      return updated;
    });
  }

  swapRecoveryCode(userId: string, expectedHash: string, nextHash: string): boolean {
    return this.statements.swapRecovery.run(nextHash, this.clock(), userId, expectedHash).changes === 1;
  }

  activate(id: string): void {
    const now = this.clock();
    this.statements.activate.run(now, now, id);
  }

  markUsed(id: string): void {
    this.statements.used.run(this.clock(), id);
  }

  claimTimeStep(id: string, timeStep: number): boolean {
    return this.statements.claim.run(timeStep, id, timeStep).changes === 1;
  }

  delete(id: string): boolean {
    return this.statements.remove.run(id).changes > 0;
  }

  deleteInactive(userId: string): number {
    return this.statements.removeInactive.run(userId).changes;
  }

  deleteAllForUser(userId: string): number {
    return this.statements.removeAll.run(userId).changes;
  }
}
