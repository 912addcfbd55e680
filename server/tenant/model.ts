/**
 * The tenant's objects as the server's code sees them (camelCase). The storage layer converts to and
 * from the database; the Management API (issue #3) converts to and from Auth0's snake_case wire shapes.
 */

/** Auth0's `token_endpoint_auth_method` values that this server supports (auth0-wire.md §1.3). */
export type TokenEndpointAuthMethod = 'none' | 'client_secret_post' | 'client_secret_basic';

/** Client `refresh_token` settings (auth0-wire.md §5.1). Lifetimes are in seconds. */
export interface RefreshTokenPolicy {
  readonly rotationType: 'rotating' | 'non-rotating';
  readonly expirationType: 'expiring' | 'non-expiring';
  /** Seconds in which the immediately previous token may be reused; 0 turns the allowance off. */
  readonly leeway: number;
  readonly tokenLifetime: number;
  readonly idleTokenLifetime: number;
  readonly infiniteTokenLifetime: boolean;
  readonly infiniteIdleTokenLifetime: boolean;
}

/** Auth0's defaults for a new client's refresh tokens (auth0-wire.md §5.1). */
export const defaultRefreshTokenPolicy: RefreshTokenPolicy = {
  rotationType: 'non-rotating',
  expirationType: 'expiring',
  leeway: 0,
  tokenLifetime: 2_592_000,
  idleTokenLifetime: 2_592_000,
  infiniteTokenLifetime: false,
  infiniteIdleTokenLifetime: false,
};

export interface Client {
  readonly clientId: string;
  readonly name: string;
  readonly appType: 'native' | 'spa' | 'regular_web' | 'non_interactive';
  readonly tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  /** SHA-256 of the secret (hex); null for public clients. The secret itself is never stored. */
  readonly clientSecretHash: string | null;
  readonly grantTypes: readonly string[];
  readonly isTokenEndpointIpHeaderTrusted: boolean;
  readonly refreshToken: RefreshTokenPolicy;
}

export interface Connection {
  readonly id: string;
  readonly name: string;
  readonly strategy: string;
  /** Auth0 connection `options`, kept as JSON (brute_force_protection, passwordPolicy, ...). */
  readonly options: Readonly<Record<string, unknown>>;
}

export interface ApiScope {
  readonly value: string;
  readonly description: string;
}

/** An API (Auth0 "resource server"), identified by its audience. */
export interface ResourceServer {
  readonly id: string;
  readonly identifier: string;
  readonly name: string;
  readonly scopes: readonly ApiScope[];
  readonly allowOfflineAccess: boolean;
  /** Access-token lifetime in seconds. */
  readonly tokenLifetime: number;
  readonly signingAlg: 'RS256';
  /** RBAC: users get only the permissions their roles grant. */
  readonly enforcePolicies: boolean;
  readonly tokenDialect: 'access_token' | 'access_token_authz';
  /** True for Auth0's own APIs (the Management API), which are not stored. */
  readonly isSystem: boolean;
}

export interface TenantSettings {
  /** Connection name used by `grant_type=password`. */
  readonly defaultDirectory: string | null;
  readonly defaultAudience: string | null;
}

export interface User {
  /** The part after `auth0|`. */
  readonly id: string;
  readonly connectionId: string;
  readonly email: string | null;
  readonly username: string | null;
  /** PHC string; null for users who cannot sign in with a password. */
  readonly passwordHash: string | null;
  readonly emailVerified: boolean;
  readonly name: string | null;
  readonly nickname: string | null;
  readonly picture: string | null;
  readonly blocked: boolean;
  readonly loginsCount: number;
  /** Milliseconds since the epoch. */
  readonly lastLogin: number | null;
  readonly lastIp: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly userMetadata: Readonly<Record<string, unknown>>;
  readonly appMetadata: Readonly<Record<string, unknown>>;
}

/** `sub` of a database-connection user (auth0-wire.md §5.5). */
export function userSubject(user: Pick<User, 'id'>): string {
  return `auth0|${user.id}`;
}
