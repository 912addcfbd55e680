import type { Clock } from '../config';
import type { ValueCipher } from '../extensibility/value-cipher';
import type { SqliteDatabase } from './database';

/**
 * The rules' `configuration` object (Auth0 `/api/v2/rules-configs`): admin-set key/value strings that
 * every rule reads. Values are sealed with the server's `ValueCipher`; only keys are ever listed back.
 */
export interface RuleConfigRepository {
  /** Keys, sorted (values are write-only through the Management API, as on Auth0). */
  keys(): string[];
  /** Every key with its opened value, for the sandbox. */
  all(): Record<string, string>;
  /** Creates or replaces. */
  set(key: string, value: string): void;
  delete(key: string): boolean;
}

/** SQLite-backed rule configuration. */
export class SqliteRuleConfigRepository implements RuleConfigRepository {
  private readonly statements;

  constructor(
    db: SqliteDatabase,
    private readonly cipher: ValueCipher,
    private readonly clock: Clock,
  ) {
    this.statements = {
      keys: db.prepare<[], { key: string }>('SELECT key FROM rule_configs ORDER BY key'),
      all: db.prepare<[], { key: string; value: string }>('SELECT key, value FROM rule_configs ORDER BY key'),
      upsert: db.prepare<[string, string, number]>(
        `INSERT INTO rule_configs (key, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      ),
      remove: db.prepare<[string]>('DELETE FROM rule_configs WHERE key = ?'),
    };
  }

  keys(): string[] {
    return this.statements.keys.all().map((row) => row.key);
  }

  all(): Record<string, string> {
    // fromEntries defines own properties, so a key named `__proto__` stays a plain key.
    return Object.fromEntries(this.statements.all.all().map((row) => [row.key, this.cipher.open(row.value)]));
  }

  set(key: string, value: string): void {
    this.statements.upsert.run(key, this.cipher.seal(value), this.clock());
  }

  delete(key: string): boolean {
    return this.statements.remove.run(key).changes > 0;
  }
}
