import { beforeEach, describe, expect, it } from 'vitest';
import { InvalidGrantError, UnauthorizedError } from '../../../../server/errors/oauth-errors';
import type { PasswordHasher } from '../../../../server/security/password-hasher';
import { loginWithPassword, MAX_PASSWORD_BYTES } from '../../../../server/security/password-login';
import type { NewUser, UserRepository } from '../../../../server/storage/user-repository';
import type { Connection, User } from '../../../../server/tenant/model';

/** Counts every call so tests can see which work each path did. */
class FakeHasher implements PasswordHasher {
  readonly calls: string[] = [];
  outdated = false;

  async hash(password: string): Promise<string> {
    this.calls.push('hash');
    return `fake:${password}`;
  }

  async verify(phc: string, password: string): Promise<boolean> {
    this.calls.push('verify');
    return phc === `fake:${password}`;
  }

  needsRehash(): boolean {
    return this.outdated;
  }

  async dummyVerify(): Promise<void> {
    this.calls.push('dummyVerify');
  }
}

class FakeUsers implements UserRepository {
  readonly logins: { id: string; at: number; ip: string }[] = [];
  readonly rehashed: { id: string; hash: string }[] = [];
  constructor(readonly users: User[]) {}

  findByIdentifier(connectionId: string, identifier: string): User | undefined {
    return this.users.find((user) => user.connectionId === connectionId && user.email === identifier.toLowerCase());
  }
  findById(id: string): User | undefined {
    return this.users.find((user) => user.id === id);
  }
  create(_input: NewUser): User {
    throw new Error('not used');
  }
  updatePasswordHash(id: string, hash: string): void {
    this.rehashed.push({ id, hash });
  }
  recordLogin(id: string, login: { at: number; ip: string }): void {
    this.logins.push({ id, ...login });
  }
}

const connection: Connection = { id: 'con_1', name: 'employees', strategy: 'auth0', options: {} };
const alice: User = {
  id: 'u1',
  connectionId: 'con_1',
  email: 'alice@example.com',
  username: null,
  passwordHash: 'fake:right',
  emailVerified: true,
  name: 'Alice',
  nickname: 'alice',
  picture: null,
  blocked: false,
  loginsCount: 3,
  lastLogin: null,
  lastIp: null,
  createdAt: 0,
  updatedAt: 0,
  userMetadata: {},
  appMetadata: {},
};

let hasher: FakeHasher;
let users: FakeUsers;

beforeEach(() => {
  hasher = new FakeHasher();
  users = new FakeUsers([alice, { ...alice, id: 'u2', email: 'blocked@example.com', blocked: true }]);
});

function attempt(username: string, password: string) {
  return loginWithPassword(
    { users, hasher, clock: () => 1_000, transact: (work) => work() },
    { connection, username, password, ip: '10.0.0.1' },
  );
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('loginWithPassword', () => {
  it('returns the user and records the login', async () => {
    const user = await attempt('alice@example.com', 'right');

    expect(user).toMatchObject({ id: 'u1', loginsCount: 4, lastLogin: 1_000, lastIp: '10.0.0.1' });
    expect(users.logins).toEqual([{ id: 'u1', at: 1_000, ip: '10.0.0.1' }]);
    expect(hasher.calls).toEqual(['verify']);
  });

  it('answers a wrong password with invalid_grant after one verify', async () => {
    const error = await failure(attempt('alice@example.com', 'wrong'));

    expect(error).toBeInstanceOf(InvalidGrantError);
    expect((error as InvalidGrantError).description).toBe('Wrong email or password.');
    expect(hasher.calls).toEqual(['verify']);
    expect(users.logins).toEqual([]);
  });

  it('runs exactly one dummy verify for an unknown user and answers the same error', async () => {
    const error = await failure(attempt('nobody@example.com', 'whatever'));

    expect(hasher.calls).toEqual(['dummyVerify']);
    expect(error).toBeInstanceOf(InvalidGrantError);
    expect((error as InvalidGrantError).description).toBe('Wrong email or password.');
  });

  it('refuses a password over 1024 bytes before any hashing', async () => {
    const tooLong = 'a'.repeat(MAX_PASSWORD_BYTES - 1) + 'é'; // 1025 bytes, 1024 characters
    const error = await failure(attempt('alice@example.com', tooLong));

    expect(MAX_PASSWORD_BYTES).toBe(1024);
    expect(error).toBeInstanceOf(InvalidGrantError);
    expect(hasher.calls).toEqual([]);
  });

  it('accepts a password of exactly 1024 bytes for hashing', async () => {
    await failure(attempt('alice@example.com', 'a'.repeat(1024)));
    expect(hasher.calls).toEqual(['verify']);
  });

  it('says "user is blocked" only after the right password', async () => {
    const blocked = await failure(attempt('blocked@example.com', 'right'));
    expect(blocked).toBeInstanceOf(UnauthorizedError);
    expect((blocked as UnauthorizedError).description).toBe('user is blocked');

    const guessed = await failure(attempt('blocked@example.com', 'wrong'));
    expect(guessed).toBeInstanceOf(InvalidGrantError);
    expect(users.logins).toEqual([]);
  });

  it('re-hashes the password when the stored hash uses old parameters', async () => {
    hasher.outdated = true;
    await attempt('alice@example.com', 'right');

    expect(hasher.calls).toEqual(['verify', 'hash']);
    expect(users.rehashed).toEqual([{ id: 'u1', hash: 'fake:right' }]);
  });
});
