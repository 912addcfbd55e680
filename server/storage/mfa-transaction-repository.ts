import type { SqliteDatabase } from './database';

/** A login waiting for its second factor, found by the SHA-256 of its `mfa_token`. */
export interface MfaTransaction {
  readonly tokenHash: string;
  readonly clientId: string;
  readonly userId: string;
  /** The pending login as JSON text; server/mfa/pending-login.ts owns its shape. */
  readonly pending: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly redeemedAt: number | null;
}

/** An out-of-band challenge: a code sent to the outbox, redeemable once with the mfa-oob grant. */
export interface MfaChallenge {
  readonly oobCodeHash: string;
  readonly transactionHash: string;
  readonly authenticatorId: string;
  readonly bindingCodeHash: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly lastPolledAt: number | null;
  readonly usedAt: number | null;
}

/** MFA transactions and their OOB challenges (issue #4). */
export interface MfaTransactionRepository {
  create(transaction: Omit<MfaTransaction, 'redeemedAt'>): void;
  find(tokenHash: string): MfaTransaction | undefined;
  /**
   * Marks the transaction redeemed if it is still open and unexpired at `at`. Returns false when someone
   * else redeemed it first: the `mfa_token` is single-use once redeemed, even under concurrent requests.
   */
  redeem(tokenHash: string, at: number): boolean;
  /** Deletes transactions (and their challenges) that expired before `before`. */
  purgeExpired(before: number): number;
  createChallenge(challenge: Omit<MfaChallenge, 'lastPolledAt' | 'usedAt'>): void;
  findChallenge(oobCodeHash: string): MfaChallenge | undefined;
  /** How many OOB codes this transaction has sent. */
  countChallenges(transactionHash: string): number;
  recordPoll(oobCodeHash: string, at: number): void;
  /** Marks the challenge used; false when it already was. */
  useChallenge(oobCodeHash: string, at: number): boolean;
}

interface TransactionRow {
  token_hash: string;
  client_id: string;
  user_id: string;
  pending: string;
  created_at: number;
  expires_at: number;
  redeemed_at: number | null;
}

interface ChallengeRow {
  oob_code_hash: string;
  transaction_hash: string;
  authenticator_id: string;
  binding_code_hash: string;
  created_at: number;
  expires_at: number;
  last_polled_at: number | null;
  used_at: number | null;
}

/** SQLite-backed MFA transactions. */
export class SqliteMfaTransactionRepository implements MfaTransactionRepository {
  private readonly statements;

  constructor(db: SqliteDatabase) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO mfa_transactions (token_hash, client_id, user_id, pending, created_at, expires_at)
         VALUES (@tokenHash, @clientId, @userId, @pending, @createdAt, @expiresAt)`,
      ),
      find: db.prepare<[string], TransactionRow>('SELECT * FROM mfa_transactions WHERE token_hash = ?'),
      redeem: db.prepare<[number, string, number]>(
        'UPDATE mfa_transactions SET redeemed_at = ? WHERE token_hash = ? AND redeemed_at IS NULL AND expires_at > ?',
      ),
      purge: db.prepare<[number]>('DELETE FROM mfa_transactions WHERE expires_at < ?'),
      insertChallenge: db.prepare(
        `INSERT INTO mfa_challenges (oob_code_hash, transaction_hash, authenticator_id, binding_code_hash, created_at,
                                     expires_at)
         VALUES (@oobCodeHash, @transactionHash, @authenticatorId, @bindingCodeHash, @createdAt, @expiresAt)`,
      ),
      findChallenge: db.prepare<[string], ChallengeRow>('SELECT * FROM mfa_challenges WHERE oob_code_hash = ?'),
      countChallenges: db.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM mfa_challenges WHERE transaction_hash = ?',
      ),
      poll: db.prepare<[number, string]>('UPDATE mfa_challenges SET last_polled_at = ? WHERE oob_code_hash = ?'),
      use: db.prepare<[number, string]>(
        'UPDATE mfa_challenges SET used_at = ? WHERE oob_code_hash = ? AND used_at IS NULL',
      ),
    };
  }

  create(transaction: Omit<MfaTransaction, 'redeemedAt'>): void {
    this.statements.insert.run(transaction);
  }

  find(tokenHash: string): MfaTransaction | undefined {
    const row = this.statements.find.get(tokenHash);
    return (
      row && {
        tokenHash: row.token_hash,
        clientId: row.client_id,
        userId: row.user_id,
        pending: row.pending,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        redeemedAt: row.redeemed_at,
      }
    );
  }

  redeem(tokenHash: string, at: number): boolean {
    return this.statements.redeem.run(at, tokenHash, at).changes === 1;
  }

  purgeExpired(before: number): number {
    return this.statements.purge.run(before).changes;
  }

  createChallenge(challenge: Omit<MfaChallenge, 'lastPolledAt' | 'usedAt'>): void {
    this.statements.insertChallenge.run(challenge);
  }

  findChallenge(oobCodeHash: string): MfaChallenge | undefined {
    const row = this.statements.findChallenge.get(oobCodeHash);
    return (
      row && {
        oobCodeHash: row.oob_code_hash,
        transactionHash: row.transaction_hash,
        authenticatorId: row.authenticator_id,
        bindingCodeHash: row.binding_code_hash,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        lastPolledAt: row.last_polled_at,
        usedAt: row.used_at,
      }
    );
  }

  countChallenges(transactionHash: string): number {
    return this.statements.countChallenges.get(transactionHash)?.n ?? 0;
  }

  recordPoll(oobCodeHash: string, at: number): void {
    this.statements.poll.run(at, oobCodeHash);
  }

  useChallenge(oobCodeHash: string, at: number): boolean {
    return this.statements.use.run(at, oobCodeHash).changes === 1;
  }
}
