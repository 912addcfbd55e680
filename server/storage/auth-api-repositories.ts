import type { Clock } from '../config';
import type { IssuerSource } from '../issuer';
import type { LogRetention } from '../logs/sqlite-tenant-log';
import { defaultLogRetention, SqliteTenantLog } from '../logs/sqlite-tenant-log';
import type { TenantLog } from '../logs/tenant-log';
import type { AttackProtectionSettingsStore } from './attack-protection-repository';
import { SqliteAttackProtectionSettingsStore } from './attack-protection-repository';
import { audienceKeys } from './audience-keys';
import type { LoginFailureCounters, UserBlockStore } from './brute-force-repository';
import { SqliteBruteForceRepository } from './brute-force-repository';
import type { ClientGrantRepository } from './client-grant-repository';
import { SqliteClientGrantRepository } from './client-grant-repository';
import type { SqliteDatabase } from './database';
import type { IpThrottleStore } from './ip-throttle-repository';
import { SqliteIpThrottleStore } from './ip-throttle-repository';
import type { RoleRepository } from './role-repository';
import { SqliteRoleRepository } from './role-repository';

/**
 * The stores issue #3 adds, which the Management API (issue #5) and MFA (issue #4) also use:
 * - `logs`: the tenant log (write events; list/find for `/api/v2/logs`);
 * - `roles`: roles, role permissions, user↔role assignments, and `forUser` for RBAC;
 * - `clientGrants`: which APIs and scopes machine-to-machine clients may get;
 * - `attackProtection`: the `/api/v2/attack-protection/*` settings;
 * - `userBlocks`: brute-force blocks to list and release (`/api/v2/user-blocks`); releasing logs `ublkdu`;
 * - `loginFailures`, `ipThrottle`: the counters behind them (the login path's side).
 */
export interface AuthApiRepositories {
  readonly logs: TenantLog;
  readonly roles: RoleRepository;
  readonly clientGrants: ClientGrantRepository;
  readonly attackProtection: AttackProtectionSettingsStore;
  readonly userBlocks: UserBlockStore;
  readonly loginFailures: LoginFailureCounters;
  readonly ipThrottle: IpThrottleStore;
}

/** Options for `createAuthApiRepositories`. */
export interface AuthApiRepositoryOptions {
  /** Needed to store the Management API audience under a stable key (storage/audience-keys.ts). */
  readonly issuer?: IssuerSource;
  readonly logRetention?: LogRetention;
}

/** Builds the stores above over `db`. */
export function createAuthApiRepositories(
  db: SqliteDatabase,
  clock: Clock,
  options: AuthApiRepositoryOptions = {},
): AuthApiRepositories {
  const audiences = audienceKeys(options.issuer);
  const logs = new SqliteTenantLog(db, clock, options.logRetention ?? defaultLogRetention);
  const bruteForce = new SqliteBruteForceRepository(db, clock, logs);
  return {
    logs,
    roles: new SqliteRoleRepository(db, clock, audiences),
    clientGrants: new SqliteClientGrantRepository(db, clock, audiences),
    attackProtection: new SqliteAttackProtectionSettingsStore(db),
    userBlocks: bruteForce,
    loginFailures: bruteForce,
    ipThrottle: new SqliteIpThrottleStore(db, clock),
  };
}
