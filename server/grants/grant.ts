import type { FastifyBaseLogger } from 'fastify';
import type { TokenResponseWire } from '../../common/oauth/wire';
import type { Clock } from '../config';
import type { RequestParams } from '../http/request-params';
import type { RequestAudit } from '../logs/request-audit';
import type { MfaKit } from '../mfa/mfa-kit';
import type { PostLoginHook } from '../extensibility/post-login';
import type { LoginProtection } from '../security/login-protection';
import type { ClientGrantRepository } from '../storage/client-grant-repository';
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
  /**
   * The request's tenant-log context (logs/request-audit.ts). Note what you learn (user, connection,
   * audience); `write` an event for an outcome the endpoint cannot see (`fp`, `mfar`, …). The endpoint
   * writes the grant's success event, and its failure event unless something was written already.
   */
  readonly audit: RequestAudit;
  /** The caller's `User-Agent` (rules' `context.request.userAgent`, actions' `event.request.user_agent`). */
  readonly userAgent?: string;
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
  /** Tenant-log codes for this grant's success and failure (auth0-wire.md §7.6), e.g. `sepft`/`fepft`. */
  readonly logTypes?: { readonly success: string; readonly failure: string };
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
  /** Brute-force and suspicious-IP protection around password checks. */
  readonly protection: LoginProtection;
  /** What client_credentials may obtain. */
  readonly clientGrants: ClientGrantRepository;
  /** Rules, then actions, then the MFA decision, after a password or refresh exchange (issue #4). */
  readonly postLogin: PostLoginHook;
  /** MFA transactions and factors for the MFA grants (issue #4). */
  readonly mfa: MfaKit;
}
