import type { Clock } from '../config';
import type { ValueCipher } from '../extensibility/value-cipher';
import type { AuthApiRepositoryOptions, AuthApiRepositories } from './auth-api-repositories';
import { createAuthApiRepositories } from './auth-api-repositories';
import { plaintextCipher } from '../extensibility/value-cipher';
import type { ClientRepository } from './client-repository';
import { SqliteClientRepository } from './client-repository';
import type { ConnectionRepository } from './connection-repository';
import { SqliteConnectionRepository } from './connection-repository';
import type { SqliteDatabase } from './database';
import { inTransaction } from './database';
import type { ExtensibilityRepositories } from './extensibility-repositories';
import { createExtensibilityRepositories } from './extensibility-repositories';
import type { RefreshTokenRepository } from './refresh-token-repository';
import { SqliteRefreshTokenRepository } from './refresh-token-repository';
import type { ResourceServerRepository } from './resource-server-repository';
import { SqliteResourceServerRepository } from './resource-server-repository';
import type { SigningKeyRepository } from './signing-key-repository';
import { SqliteSigningKeyRepository } from './signing-key-repository';
import type { TenantSettingsRepository } from './tenant-settings-repository';
import { SqliteTenantSettingsRepository } from './tenant-settings-repository';
import type { UserRepository } from './user-repository';
import { SqliteUserRepository } from './user-repository';
import type { UserinfoClaimsRepository } from './userinfo-claims-repository';
import { SqliteUserinfoClaimsRepository } from './userinfo-claims-repository';

/** Runs synchronous work as one database transaction (see `inTransaction`). */
export type Transact = <T>(work: () => T) => T;

/** The repositories over one database, plus its transaction boundary. Wiring only, no behaviour. */
export interface Repositories extends ExtensibilityRepositories, AuthApiRepositories {
  readonly settings: TenantSettingsRepository;
  readonly connections: ConnectionRepository;
  readonly clients: ClientRepository;
  readonly resourceServers: ResourceServerRepository;
  readonly users: UserRepository;
  readonly refreshTokens: RefreshTokenRepository;
  readonly signingKeys: SigningKeyRepository;
  readonly userinfoClaims: UserinfoClaimsRepository;
  readonly transact: Transact;
}

/** Builds the SQLite repositories over `db`. */
/** `cipher` seals rule configuration, action secrets and TOTP secrets (issue #4). */
export function createSqliteRepositories(
  db: SqliteDatabase,
  clock: Clock,
  cipher: ValueCipher = plaintextCipher,
  authApi: AuthApiRepositoryOptions = {},
): Repositories {
  return {
    ...createExtensibilityRepositories(db, clock, cipher),
    ...createAuthApiRepositories(db, clock, authApi),
    settings: new SqliteTenantSettingsRepository(db),
    connections: new SqliteConnectionRepository(db, clock),
    clients: new SqliteClientRepository(db, clock),
    resourceServers: new SqliteResourceServerRepository(db, clock),
    users: new SqliteUserRepository(db, clock),
    refreshTokens: new SqliteRefreshTokenRepository(db),
    signingKeys: new SqliteSigningKeyRepository(db),
    userinfoClaims: new SqliteUserinfoClaimsRepository(db, clock),
    transact: (work) => inTransaction(db, work),
  };
}
