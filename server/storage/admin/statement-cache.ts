import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../database';

/** At most this many distinct statements are kept; the admin stores build only a few dozen. */
const MAX_STATEMENTS = 256;

/**
 * Prepares each SQL text once and reuses it: preparing costs more than running a simple statement, and
 * the admin stores build their SQL from a small, fixed set of shapes (filters present or absent), never
 * from request text.
 */
export function statementCache(
  db: SqliteDatabase,
): <P extends unknown[] | object = unknown[], R = unknown>(sql: string) => Statement<P, R> {
  const cache = new Map<string, Statement>();
  return <P extends unknown[] | object = unknown[], R = unknown>(sql: string): Statement<P, R> => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      if (cache.size >= MAX_STATEMENTS) cache.clear();
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement as unknown as Statement<P, R>;
  };
}
