import { beforeEach, describe, expect, it } from 'vitest';
import type { SqliteDatabase } from '../../../../server/storage/database';
import { openMemoryDatabase } from '../../../../server/storage/database';
import { SqliteUserinfoClaimsRepository } from '../../../../server/storage/userinfo-claims-repository';
import { createSqliteRepositories } from '../../../../server/storage/repositories';

const MINUTE = 60_000;
let now: number;
let db: SqliteDatabase;
let store: SqliteUserinfoClaimsRepository;
let userId: string;

beforeEach(() => {
  now = Date.UTC(2026, 0, 1);
  db = openMemoryDatabase();
  const repos = createSqliteRepositories(db, () => now);
  const connection = repos.connections.create({ name: 'employees', strategy: 'auth0', options: {} });
  userId = repos.users.create({
    connectionId: connection.id,
    email: 'a@example.com',
    username: null,
    passwordHash: null,
    emailVerified: true,
    name: null,
    nickname: null,
    picture: null,
  }).id;
  store = new SqliteUserinfoClaimsRepository(db, () => now);
});

const claims = { 'https://x.test/roles': ['admin'], 'https://x.test/realm': 'employees' };

describe('SqliteUserinfoClaimsRepository', () => {
  it('finds the claims by token hash, and nothing for another hash', () => {
    store.remember({ tokenHash: 'a'.repeat(64), userId, claims, expiresAt: now + 10 * MINUTE });
    expect(store.find('a'.repeat(64))).toEqual(claims);
    expect(store.find('b'.repeat(64))).toBeUndefined();
  });

  it('sweeps rows well past their token’s expiry on a later write', () => {
    store.remember({ tokenHash: 'old', userId, claims, expiresAt: now + MINUTE });
    now += MINUTE + 10 * MINUTE - 1;
    store.remember({ tokenHash: 'kept-by-grace', userId, claims, expiresAt: now });
    expect(store.find('old')).toEqual(claims);

    now += 2 * MINUTE;
    store.remember({ tokenHash: 'new', userId, claims, expiresAt: now + MINUTE });
    expect(store.find('old')).toBeUndefined();
    expect(store.find('new')).toEqual(claims);
  });

  it('forgets a user’s claims when the user is deleted', () => {
    store.remember({ tokenHash: 'gone', userId, claims, expiresAt: now + MINUTE });
    db.prepare('DELETE FROM users WHERE id = ?').run(userId);
    expect(store.find('gone')).toBeUndefined();
  });
});
