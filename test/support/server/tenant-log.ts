import Database from 'better-sqlite3';
import { join } from 'node:path';

/** A tenant log row as stored (migration 013), read straight from the server's database file. */
export interface StoredLogRow {
  readonly seq: number;
  readonly type: string;
  readonly description: string | null;
  readonly ip: string | null;
  readonly client_ip: string | null;
  readonly user_agent: string | null;
  readonly client_id: string | null;
  readonly client_name: string | null;
  readonly connection: string | null;
  readonly connection_id: string | null;
  readonly strategy: string | null;
  readonly user_id: string | null;
  readonly user_name: string | null;
  readonly audience: string | null;
  readonly scope: string | null;
  readonly details: string | null;
  readonly hostname: string | null;
  readonly auth0_client: string | null;
}

/**
 * Reads the tenant log of a running test server (a second, read-only SQLite connection; WAL lets it read
 * while the server writes). Oldest first.
 */
export function readTenantLog(dataDir: string, after = 0): StoredLogRow[] {
  const db = new Database(join(dataDir, 'gatehouse.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[number], StoredLogRow>('SELECT * FROM tenant_logs WHERE seq > ? ORDER BY seq').all(after);
  } finally {
    db.close();
  }
}

/** The newest sequence number, to read only what a test step wrote. */
export function lastLogSeq(dataDir: string): number {
  return readTenantLog(dataDir).at(-1)?.seq ?? 0;
}
