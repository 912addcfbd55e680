import type { Clock } from '../config';
import { authErrors } from '../errors/catalogue';
import type { Transact } from '../storage/repositories';
import type { UserRepository } from '../storage/user-repository';
import type { Connection, User } from '../tenant/model';
import type { PasswordHasher } from './password-hasher';

/** Longer passwords are refused before hashing, so nobody can make us hash megabytes (security.md). */
export const MAX_PASSWORD_BYTES = 1024;

export interface PasswordLoginDependencies {
  readonly users: UserRepository;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
  readonly transact: Transact;
}

export interface PasswordLoginAttempt {
  readonly connection: Connection;
  /** Email or username, as typed. */
  readonly username: string;
  readonly password: string;
  /** Recorded as the user's `last_ip` on success. */
  readonly ip: string;
}

/**
 * Checks a username and password against a database connection and records the login.
 *
 * Every failure that could tell an attacker whether the account exists answers the same
 * `403 invalid_grant "Wrong email or password."` (auth0-wire.md §2 row 1), and an unknown user runs one
 * dummy verify so it costs the same time as a wrong password. The admin block is checked only after the
 * password is proven, so the block itself reveals nothing to someone guessing.
 */
export async function loginWithPassword(deps: PasswordLoginDependencies, attempt: PasswordLoginAttempt): Promise<User> {
  // Never log attempt.password: it is a credential.
  if (Buffer.byteLength(attempt.password, 'utf8') > MAX_PASSWORD_BYTES) throw authErrors.wrongCredentials();

  const user = deps.users.findByIdentifier(attempt.connection.id, attempt.username);
  if (!user || user.passwordHash === null) {
    await deps.hasher.dummyVerify(attempt.password);
    throw authErrors.wrongCredentials();
  }
  if (!(await deps.hasher.verify(user.passwordHash, attempt.password))) throw authErrors.wrongCredentials();
  if (user.blocked) throw authErrors.userBlocked();

  // Hash before the transaction: it is async, and a transaction must not wait on anything.
  const newHash = deps.hasher.needsRehash(user.passwordHash) ? await deps.hasher.hash(attempt.password) : undefined;
  const at = deps.clock();
  deps.transact(() => {
    if (newHash !== undefined) deps.users.updatePasswordHash(user.id, newHash);
    deps.users.recordLogin(user.id, { at, ip: attempt.ip });
  });
  return { ...user, loginsCount: user.loginsCount + 1, lastLogin: at, lastIp: attempt.ip };
}
