import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Migration } from './migrations/index';
import { migrations as allMigrations } from './migrations/index';

/** The handle every repository shares. */
export type SqliteDatabase = Database.Database;

/** The database file inside the data folder. */
export const DATABASE_FILE_NAME = 'gatehouse.sqlite';

/**
 * Opens (creating if needed) `<dataDir>/gatehouse.sqlite`, sets the pragmas and applies migrations.
 * The folder is created owner-only because the file holds password hashes and private keys.
 */
export function openDatabase(dataDir: string): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(join(dataDir, DATABASE_FILE_NAME));
  try {
    configure(db);
    migrate(db, allMigrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Same as `openDatabase`, in memory: for unit tests of repositories. */
export function openMemoryDatabase(): SqliteDatabase {
  const db = new Database(':memory:');
  configure(db);
  migrate(db, allMigrations);
  return db;
}

function configure(db: SqliteDatabase): void {
  // WAL lets readers run while a writer commits (https://www.sqlite.org/wal.html).
  db.pragma('journal_mode = WAL');
  // With WAL, NORMAL survives an application crash with every committed transaction intact; only an OS
  // crash or power cut may lose the last few (https://www.sqlite.org/pragma.html#pragma_synchronous).
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Wait for a lock held by another connection (a second server process, a backup) instead of failing.
  db.pragma('busy_timeout = 5000');
}

/**
 * Applies the migrations that are not yet recorded, each in its own transaction, in version order.
 * Refuses a database written by a newer server rather than guessing at its schema.
 */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  ) STRICT`);
  const applied = new Set(
    db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
      .all()
      .map((row) => row.version),
  );
  const newest = Math.max(0, ...migrations.map((migration) => migration.version));
  const unknown = [...applied].filter((version) => version > newest);
  if (unknown.length > 0) {
    throw new Error(`database schema version ${Math.max(...unknown)} is newer than this server (${newest})`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
    }).immediate();
  }
}

/**
 * Runs `work` in one `BEGIN IMMEDIATE` transaction: it takes the write lock up front, so two writers
 * never both read-then-write stale state. `work` must be synchronous; a throw rolls everything back.
 */
export function inTransaction<T>(db: SqliteDatabase, work: () => T): T {
  return db.transaction(work).immediate();
}
