import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inTransaction, migrate, openDatabase, openMemoryDatabase } from '../../../../server/storage/database';
import { migrations } from '../../../../server/storage/migrations/index';
import { createSqliteRepositories } from '../../../../server/storage/repositories';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates gatehouse.sqlite in WAL mode with foreign keys and a busy timeout, migrated once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gatehouse-db-test-'));
    folders.push(dir);
    const db = openDatabase(join(dir, 'nested'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.name).toBe(join(dir, 'nested', 'gatehouse.sqlite'));
    } finally {
      db.close();
    }
    const again = openDatabase(join(dir, 'nested'));
    try {
      const versions = again.prepare('SELECT version FROM schema_migrations').all();
      expect(versions).toEqual(migrations.map((migration) => ({ version: migration.version })));
    } finally {
      again.close();
    }
  });
});

describe('migrate', () => {
  it('applies only the new migrations, in order', () => {
    const db = new Database(':memory:');
    migrate(db, [{ version: 1, name: 'one', sql: 'CREATE TABLE a (x INTEGER)' }]);
    migrate(db, [
      { version: 2, name: 'two', sql: 'ALTER TABLE a ADD COLUMN y INTEGER' },
      { version: 1, name: 'one', sql: 'CREATE TABLE a (x INTEGER)' },
    ]);
    expect(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual([
      { version: 1, name: 'one' },
      { version: 2, name: 'two' },
    ]);
  });

  it('rolls back a failing migration completely', () => {
    const db = new Database(':memory:');
    expect(() =>
      migrate(db, [{ version: 1, name: 'bad', sql: 'CREATE TABLE a (x INTEGER); CREATE TABLE a (y INTEGER);' }]),
    ).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'a'").all()).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: 0 });
  });

  it('refuses a database written by a newer server', () => {
    const db = new Database(':memory:');
    migrate(db, [
      { version: 1, name: 'one', sql: 'SELECT 1' },
      { version: 2, name: 'two', sql: 'SELECT 1' },
    ]);
    expect(() => migrate(db, [{ version: 1, name: 'one', sql: 'SELECT 1' }])).toThrow(/newer than this server/);
  });
});

describe('inTransaction', () => {
  it('rolls back every write when the work throws', () => {
    const db = openMemoryDatabase();
    const repos = createSqliteRepositories(db, () => 0);
    expect(() =>
      inTransaction(db, () => {
        repos.connections.create({ name: 'employees', strategy: 'auth0', options: {} });
        throw new Error('half way');
      }),
    ).toThrow('half way');
    expect(repos.connections.count()).toBe(0);
  });

  it('enforces foreign keys', () => {
    const db = openMemoryDatabase();
    expect(() =>
      db.prepare('INSERT INTO connection_clients (connection_id, client_id) VALUES (?, ?)').run('con_missing', 'ghost'),
    ).toThrow(/FOREIGN KEY/);
  });
});
