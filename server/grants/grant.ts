import type { FastifyBaseLogger } from 'fastify';
import type { TokenResponseWire } from '../../common/oauth/wire';
import type { Clock } from '../config';
import type { RequestParams } from '../http/request-params';
import type { PasswordHasher } from '../security/password-hasher';
import type { ConnectionRepository } from '../storage/connection-repository';
import type { Transact } from '../storage/repositories';
import type { TenantSettingsRepository } from '../storage/tenant-settings-repository';
import type { UserRepository } from '../storage/user-repository';
import type { Client } from '../tenant/model';
import type { ResourceServerDirectory } from '../tenant/resource-server-directory';
import type { RefreshTokenService } from '../tokens/refresh-token-service';
import type { TokenMinter } from '../tokens/token-minter';

/** A token request after the endpoint has parsed it and authenticated the client. */
export interface GrantRequest {
  readonly params: RequestParams;
  readonly client: Client;
  readonly authenticatedWithSecret: boolean;
  /** The end user's address (auth0-forwarded-for when trusted, else the caller's). */
  readonly ip: string;
  readonly log: FastifyBaseLogger;
}

/**
 * One `grant_type` of `/oauth/token`. The endpoint has already checked that the client may use it, so a
 * grant only does its own work. One file per grant (architecture.md); issue #3 adds the MFA grants and
 * client_credentials by writing another file and registering it in grants/registry.ts.
 */
export interface Grant {
  /** The `grant_type` value this grant answers. */
  readonly type: string;
  handle(request: GrantRequest): Promise<TokenResponseWire>;
}

/** The user's permissions on an API, from their roles (RBAC). */
export interface UserPermissions {
  forUser(userId: string, audience: string): readonly string[];
}

/** What the grants share. */
export interface GrantDependencies {
  readonly settings: TenantSettingsRepository;
  readonly connections: ConnectionRepository;
  readonly users: UserRepository;
  readonly resourceServers: ResourceServerDirectory;
  readonly hasher: PasswordHasher;
  readonly refreshTokens: RefreshTokenService;
  readonly minter: TokenMinter;
  readonly permissions: UserPermissions;
  readonly clock: Clock;
  readonly transact: Transact;
}
