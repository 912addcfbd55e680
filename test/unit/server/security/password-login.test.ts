import { beforeEach, describe, expect, it } from 'vitest';
import { authErrors } from '../../../../server/errors/catalogue';
import { InvalidGrantError, TooManyAttemptsError, UnauthorizedError } from '../../../../server/errors/oauth-errors';
import { RequestAudit } from '../../../../server/logs/request-audit';
import type { LogEntry, LogPage, NewLogEvent, TenantLog } from '../../../../server/logs/tenant-log';
import type { LoginProtection, ProtectedAttempt } from '../../../../server/security/login-protection';
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

/** Records what attack protection was told, and can refuse like a block would. */
class FakeProtection implements LoginProtection {
  readonly calls: string[] = [];
  refuse = false;
  check(attempt: ProtectedAttempt): void {
    this.calls.push(`check:${attempt.identifier}@${attempt.ip}`);
    if (this.refuse) throw authErrors.bruteForceBlocked();
  }
  recordFailure(attempt: ProtectedAttempt): void {
    this.calls.push(`failure:${attempt.identifier}`);
  }
  recordSuccess(attempt: ProtectedAttempt): void {
    this.calls.push(`success:${attempt.identifier}`);
  }
}

class MemoryLog implements TenantLog {
  readonly events: NewLogEvent[] = [];
  write(event: NewLogEvent): void {
    this.events.push(event);
  }
  find(): LogEntry | undefined {
    return undefined;
  }
  list(): LogPage {
    return { entries: [], total: 0 };
  }
  prune(): number {
    return 0;
  }
  flush(): void {}
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
let protection: FakeProtection;
let log: MemoryLog;

beforeEach(() => {
  hasher = new FakeHasher();
  protection = new FakeProtection();
  log = new MemoryLog();
  users = new FakeUsers([alice, { ...alice, id: 'u2', email: 'blocked@example.com', blocked: true }]);
});

function attempt(username: string, password: string) {
  return loginWithPassword(
    { users, hasher, clock: () => 1_000, transact: (work) => work(), protection },
    { connection, username, password, ip: '10.0.0.1', audit: new RequestAudit(log, { callerIp: '10.0.0.2' }) },
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

  it('asks attack protection first and hashes nothing when it refuses', async () => {
    protection.refuse = true;
    const error = await failure(attempt('alice@example.com', 'right'));

    expect(error).toBeInstanceOf(TooManyAttemptsError);
    expect(hasher.calls).toEqual([]);
    expect(protection.calls).toEqual(['check:alice@example.com@10.0.0.1']);
    expect(users.logins).toEqual([]);
  });

  it('counts wrong passwords and unknown users the same way, and logs fp and fu', async () => {
    await failure(attempt('alice@example.com', 'wrong'));
    await failure(attempt('nobody@example.com', 'wrong'));

    expect(protection.calls).toEqual([
      'check:alice@example.com@10.0.0.1',
      'failure:alice@example.com',
      'check:nobody@example.com@10.0.0.1',
      'failure:nobody@example.com',
    ]);
    expect(log.events.map((event) => [event.type, event.userId, event.userName, event.ip, event.clientIp])).toEqual([
      ['fp', 'auth0|u1', 'alice@example.com', '10.0.0.2', '10.0.0.2'],
      ['fu', undefined, 'nobody@example.com', '10.0.0.2', '10.0.0.2'],
    ]);
    expect(JSON.stringify(log.events)).not.toContain('wrong');
  });

  it('clears the counter on the right password, even for an admin-blocked user', async () => {
    await attempt('alice@example.com', 'right');
    await failure(attempt('blocked@example.com', 'right'));
    expect(protection.calls.filter((call) => call.startsWith('success'))).toEqual([
      'success:alice@example.com',
      'success:blocked@example.com',
    ]);
  });
});
