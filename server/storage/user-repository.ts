import { z } from 'zod';
import type { Clock } from '../config';
import type { User } from '../tenant/model';
import type { SqliteDatabase } from './database';
import { newId } from './ids';
import { readJson, toFlag } from './json-column';

/** What creating a user needs; counters and timestamps start fresh. */
export type NewUser = Pick<
  User,
  'connectionId' | 'email' | 'username' | 'passwordHash' | 'emailVerified' | 'name' | 'nickname' | 'picture'
> &
  Partial<Pick<User, 'blocked' | 'userMetadata' | 'appMetadata'>>;

/** Database-connection users. */
export interface UserRepository {
  /** By email or username within one connection, case-insensitively (ASCII), as Auth0 database connections. */
  findByIdentifier(connectionId: string, identifier: string): User | undefined;
  findById(id: string): User | undefined;
  create(input: NewUser): User;
  updatePasswordHash(id: string, passwordHash: string): void;
  /** Bumps `logins_count` and records `last_login` / `last_ip` after a successful sign-in. */
  recordLogin(id: string, login: { at: number; ip: string }): void;
}

/** A `users` row as SQLite returns it (snake_case, 0/1 booleans, JSON text). */
export interface UserRow {
  id: string;
  connection_id: string;
  email: string | null;
  username: string | null;
  password_hash: string | null;
  email_verified: number;
  name: string | null;
  nickname: string | null;
  picture: string | null;
  blocked: number;
  logins_count: number;
  last_login: number | null;
  last_ip: string | null;
  created_at: number;
  updated_at: number;
  user_metadata: string;
  app_metadata: string;
}

const Metadata = z.record(z.string(), z.unknown());

/** Maps a `users` row to the domain User; the admin store builds its richer record on top of this. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    connectionId: row.connection_id,
    email: row.email,
    username: row.username,
    passwordHash: row.password_hash,
    emailVerified: row.email_verified === 1,
    name: row.name,
    nickname: row.nickname,
    picture: row.picture,
    blocked: row.blocked === 1,
    loginsCount: row.logins_count,
    lastLogin: row.last_login,
    lastIp: row.last_ip,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    userMetadata: readJson(Metadata, row.user_metadata, 'user_metadata'),
    appMetadata: readJson(Metadata, row.app_metadata, 'app_metadata'),
  };
}

const columns = `id, connection_id, email, username, password_hash, email_verified, name, nickname, picture, blocked,
  logins_count, last_login, last_ip, created_at, updated_at, user_metadata, app_metadata`;

/** SQLite-backed users. */
export class SqliteUserRepository implements UserRepository {
  private readonly byIdentifier;
  private readonly byId;
  private readonly insert;
  private readonly setHash;
  private readonly login;

  constructor(
    db: SqliteDatabase,
    private readonly clock: Clock,
  ) {
    // The email and username columns are COLLATE NOCASE, so `=` here is case-insensitive.
    this.byIdentifier = db.prepare<[{ connectionId: string; identifier: string }], UserRow>(
      `SELECT ${columns} FROM users
        WHERE connection_id = @connectionId AND (email = @identifier OR username = @identifier)
        ORDER BY email = @identifier DESC`,
    );
    this.byId = db.prepare<[string], UserRow>(`SELECT ${columns} FROM users WHERE id = ?`);
    this.insert = db.prepare(
      `INSERT INTO users (id, connection_id, email, username, password_hash, email_verified, name, nickname, picture,
                          blocked, created_at, updated_at, user_metadata, app_metadata)
       VALUES (@id, @connectionId, @email, @username, @passwordHash, @emailVerified, @name, @nickname, @picture,
               @blocked, @now, @now, @userMetadata, @appMetadata)`,
    );
    // A rehash is invisible to the user, so it leaves `updated_at` (and the ID token's claim) alone.
    this.setHash = db.prepare<[string, string]>('UPDATE users SET password_hash = ? WHERE id = ?');
    this.login = db.prepare<[number, string, string]>(
      'UPDATE users SET logins_count = logins_count + 1, last_login = ?, last_ip = ? WHERE id = ?',
    );
  }

  findByIdentifier(connectionId: string, identifier: string): User | undefined {
    const row = this.byIdentifier.get({ connectionId, identifier });
    return row && toUser(row);
  }

  findById(id: string): User | undefined {
    const row = this.byId.get(id);
    return row && toUser(row);
  }

  create(input: NewUser): User {
    const id = newId.user();
    this.insert.run({
      id,
      connectionId: input.connectionId,
      email: input.email,
      username: input.username,
      passwordHash: input.passwordHash,
      emailVerified: toFlag(input.emailVerified),
      name: input.name,
      nickname: input.nickname,
      picture: input.picture,
      blocked: toFlag(input.blocked ?? false),
      now: this.clock(),
      userMetadata: JSON.stringify(input.userMetadata ?? {}),
      appMetadata: JSON.stringify(input.appMetadata ?? {}),
    });
    const user = this.findById(id);
    if (!user) throw new Error('user vanished right after insert');
    return user;
  }

  updatePasswordHash(id: string, passwordHash: string): void {
    this.setHash.run(passwordHash, id);
  }

  recordLogin(id: string, login: { at: number; ip: string }): void {
    this.login.run(login.at, login.ip, id);
  }
}
