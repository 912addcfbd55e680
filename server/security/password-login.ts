import type { Clock } from '../config';
import { authErrors } from '../errors/catalogue';
import type { RequestAudit } from '../logs/request-audit';
import type { Transact } from '../storage/repositories';
import type { UserRepository } from '../storage/user-repository';
import type { Connection, User } from '../tenant/model';
import type { LoginProtection, ProtectedAttempt } from './login-protection';
import type { PasswordHasher } from './password-hasher';

/** Longer passwords are refused before hashing, so nobody can make us hash megabytes (security.md). */
export const MAX_PASSWORD_BYTES = 1024;

export interface PasswordLoginDependencies {
  readonly users: UserRepository;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
  readonly transact: Transact;
  /** Brute-force and suspicious-IP protection (security/login-protection.ts). */
  readonly protection: LoginProtection;
}

export interface PasswordLoginAttempt {
  readonly connection: Connection;
  /** Email or username, as typed. */
  readonly username: string;
  readonly password: string;
  /** Recorded as the user's `last_ip` on success; counted by attack protection. */
  readonly ip: string;
  /** Where `fp`, `fu`, `limit_wc` and `limit_mu` events go. */
  readonly audit?: RequestAudit;
}

/**
 * Checks a username and password against a database connection and records the login.
 *
 * Every failure that could tell an attacker whether the account exists answers the same
 * `403 invalid_grant "Wrong email or password."` (auth0-wire.md §2 row 1), and an unknown user runs one
 * dummy verify so it costs the same time as a wrong password. The admin block is checked only after the
 * password is proven, so the block itself reveals nothing to someone guessing.
 *
 * Attack protection comes first: a blocked (identifier, IP) or a throttled IP is refused with 429 before
 * any hashing, whether or not the identifier exists, and every wrong answer is counted the same way.
 */
export async function loginWithPassword(deps: PasswordLoginDependencies, attempt: PasswordLoginAttempt): Promise<User> {
  // Never log attempt.password: it is a credential.
  const { audit } = attempt;
  audit?.note({ connection: attempt.connection, userName: attempt.username });
  const protectedAttempt: ProtectedAttempt = {
    connection: attempt.connection,
    identifier: attempt.username,
    ip: attempt.ip,
    ...(audit !== undefined && { audit }),
  };
  deps.protection.check(protectedAttempt);

  const fail = (type: 'fp' | 'fu'): never => {
    deps.protection.recordFailure(protectedAttempt);
    audit?.write(type, { details: { error: { message: 'Wrong email or password.' } } });
    throw authErrors.wrongCredentials();
  };

  if (Buffer.byteLength(attempt.password, 'utf8') > MAX_PASSWORD_BYTES) return fail('fp');

  const user = deps.users.findByIdentifier(attempt.connection.id, attempt.username);
  if (!user || user.passwordHash === null) {
    await deps.hasher.dummyVerify(attempt.password);
    return fail('fu');
  }
  audit?.noteUser(user);
  if (!(await deps.hasher.verify(user.passwordHash, attempt.password))) return fail('fp');
  deps.protection.recordSuccess(protectedAttempt);
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
