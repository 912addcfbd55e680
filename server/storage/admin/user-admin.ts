import type { Clock } from '../../config';
import type { User } from '../../tenant/model';
import type { SqliteDatabase } from '../database';
import { toUser, type UserRow } from '../user-repository';
import { statementCache } from './statement-cache';
import { newId } from '../ids';
import { toFlag } from '../json-column';
import type { UserQuery } from './user-query';
import { compileUserQuery } from './user-query';

/** A user with the fields only the Management API shows, and its connection's name (auth0-wire.md §7.4). */
export interface UserRecord extends User {
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly connectionName: string;
  readonly connectionStrategy: string;
}

export type NewUserRecord = Pick<
  UserRecord,
  | 'connectionId'
  | 'email'
  | 'username'
  | 'passwordHash'
  | 'emailVerified'
  | 'name'
  | 'nickname'
  | 'picture'
  | 'givenName'
  | 'familyName'
  | 'blocked'
  | 'userMetadata'
  | 'appMetadata'
>;

export type UserPatch = Partial<Omit<NewUserRecord, 'connectionId'>>;

/** Columns users may be sorted by (`sort=<field>:1|-1`). */
export const userSortFields = ['created_at', 'updated_at', 'last_login', 'email', 'name', 'logins_count'] as const;
export type UserSortField = (typeof userSortFields)[number];

/** A write that would give two users of one connection the same email or username: 409. */
export class UserExistsError extends Error {
  constructor() {
    super('The user already exists.');
    this.name = 'UserExistsError';
  }
}

/** The Management API's view of users. */
export interface UserAdmin {
  search(
    query: UserQuery | undefined,
    sort: { readonly field: UserSortField; readonly descending: boolean },
    offset: number,
    limit: number,
  ): { items: UserRecord[]; total: number };
  findById(id: string): UserRecord | undefined;
  /** Throws `UserExistsError` for a duplicate email or username in the connection. */
  create(input: NewUserRecord): UserRecord;
  /** Throws `UserExistsError` when the new email or username is taken in the connection. */
  update(id: string, patch: UserPatch): UserRecord | undefined;
  delete(id: string): boolean;
  /** The user's previous password hashes, newest first, at most `limit`. */
  previousPasswordHashes(id: string, limit: number): string[];
  /** Keeps `hash` as the password the user had until now. */
  rememberPasswordHash(id: string, hash: string): void;
}

/** The admin query's row: a `users` row plus the connection it belongs to and the name fields. */
interface Row extends UserRow {
  connection_name: string;
  connection_strategy: string;
  given_name: string | null;
  family_name: string | null;
}

function toRecord(row: Row): UserRecord {
  return {
    ...toUser(row),
    connectionName: row.connection_name,
    connectionStrategy: row.connection_strategy,
    givenName: row.given_name,
    familyName: row.family_name,
  };
}

const select = `SELECT u.id, u.connection_id, c.name AS connection_name, c.strategy AS connection_strategy, u.email,
  u.username, u.password_hash, u.email_verified, u.name, u.nickname, u.picture, u.given_name, u.family_name, u.blocked,
  u.logins_count, u.last_login, u.last_ip, u.created_at, u.updated_at, u.user_metadata, u.app_metadata
  FROM users u JOIN connections c ON c.id = u.connection_id`;

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** SQLite-backed user administration. */
export class SqliteUserAdmin implements UserAdmin {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(
    db: SqliteDatabase,
    private readonly clock: Clock,
  ) {
    this.sql = statementCache(db);
  }

  search(
    query: UserQuery | undefined,
    sort: { readonly field: UserSortField; readonly descending: boolean },
    offset: number,
    limit: number,
  ) {
    const where = compileUserQuery(query);
    // The sort column comes from a fixed list, never from the request text.
    const order = `u.${sort.field} ${sort.descending ? 'DESC' : 'ASC'} NULLS LAST, u.id`;
    const items = this.sql<unknown[], Row>(`${select} WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...where.params, limit, offset)
      .map(toRecord);
    const total =
      this.sql<unknown[], { n: number }>(`SELECT count(*) AS n FROM users u WHERE ${where.sql}`).get(...where.params)
        ?.n ?? 0;
    return { items, total };
  }

  findById(id: string): UserRecord | undefined {
    const row = this.sql<[string], Row>(`${select} WHERE u.id = ?`).get(id);
    return row && toRecord(row);
  }

  create(input: NewUserRecord): UserRecord {
    const id = newId.user();
    try {
      this.sql(
        `INSERT INTO users (id, connection_id, email, username, password_hash, email_verified, name, nickname, picture,
                              given_name, family_name, blocked, created_at, updated_at, user_metadata, app_metadata)
           VALUES (@id, @connectionId, @email, @username, @passwordHash, @emailVerified, @name, @nickname, @picture,
                   @givenName, @familyName, @blocked, @now, @now, @userMetadata, @appMetadata)`,
      ).run({ ...this.bind(input), id, connectionId: input.connectionId, now: this.clock() });
    } catch (error) {
      if (isUniqueViolation(error)) throw new UserExistsError();
      throw error;
    }
    return this.mustFind(id);
  }

  update(id: string, patch: UserPatch): UserRecord | undefined {
    const current = this.findById(id);
    if (!current) return undefined;
    try {
      this.sql(
        `UPDATE users SET email = @email, username = @username, password_hash = @passwordHash,
                  email_verified = @emailVerified, name = @name, nickname = @nickname, picture = @picture,
                  given_name = @givenName, family_name = @familyName, blocked = @blocked,
                  user_metadata = @userMetadata, app_metadata = @appMetadata, updated_at = @now
            WHERE id = @id`,
      ).run({ ...this.bind({ ...current, ...patch }), id, now: this.clock() });
    } catch (error) {
      if (isUniqueViolation(error)) throw new UserExistsError();
      throw error;
    }
    return this.mustFind(id);
  }

  delete(id: string): boolean {
    return this.sql<[string]>('DELETE FROM users WHERE id = ?').run(id).changes > 0;
  }

  previousPasswordHashes(id: string, limit: number): string[] {
    return this.sql<[string, number], { password_hash: string }>(
      'SELECT password_hash FROM user_password_history WHERE user_id = ? ORDER BY id DESC LIMIT ?',
    )
      .all(id, limit)
      .map((row) => row.password_hash);
  }

  rememberPasswordHash(id: string, hash: string): void {
    this.sql<[string, string, number]>(
      'INSERT INTO user_password_history (user_id, password_hash, replaced_at) VALUES (?, ?, ?)',
    ).run(id, hash, this.clock());
    // Auth0 keeps at most 24 (auth0-wire.md §7.2 password_history.size); older ones are of no use.
    this.sql<[string, string]>(
      `DELETE FROM user_password_history WHERE user_id = ? AND id NOT IN
           (SELECT id FROM user_password_history WHERE user_id = ? ORDER BY id DESC LIMIT 24)`,
    ).run(id, id);
  }

  private bind(user: Omit<NewUserRecord, 'connectionId'>) {
    return {
      email: user.email,
      username: user.username,
      passwordHash: user.passwordHash,
      emailVerified: toFlag(user.emailVerified),
      name: user.name,
      nickname: user.nickname,
      picture: user.picture,
      givenName: user.givenName,
      familyName: user.familyName,
      blocked: toFlag(user.blocked),
      userMetadata: JSON.stringify(user.userMetadata),
      appMetadata: JSON.stringify(user.appMetadata),
    };
  }

  private mustFind(id: string): UserRecord {
    const record = this.findById(id);
    if (!record) throw new Error('user vanished right after it was written');
    return record;
  }
}
