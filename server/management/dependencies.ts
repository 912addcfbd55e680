import type { Clock } from '../config';
import type { IssuerSource } from '../issuer';
import type { PasswordHasher } from '../security/password-hasher';
import type { AdminRepositories } from '../storage/admin/index';
import type { RevocationReason } from '../storage/refresh-token-repository';
import type { Repositories } from '../storage/repositories';
import type { ResourceServerDirectory } from '../tenant/resource-server-directory';
import type { PublicKeySource } from './auth';
import type { DryRunner } from './dry-run';
import type { RateLimitPolicy } from './rate-limit';

/** Revokes a user's refresh-token families (issue #3's `RefreshTokenService.revokeAllForUser`). */
export interface UserSessions {
  revokeAllForUser(userId: string, reason?: RevocationReason): number;
}

/** Everything the Management API plugin is built from. Composition happens in server/app.ts. */
export interface ManagementDependencies {
  readonly issuer: IssuerSource;
  /** The server's own signing keys: Management tokens are verified against their JWKS. */
  readonly keys: PublicKeySource;
  readonly clock: Clock;
  readonly hasher: PasswordHasher;
  /** The shared stores (issues #3 and #4 included) and the transaction boundary. */
  readonly repos: Repositories;
  /** The admin-only stores in server/storage/admin. */
  readonly admin: AdminRepositories;
  /** Finds APIs by identifier, Auth0's system Management API included. */
  readonly resourceServers: ResourceServerDirectory;
  readonly sessions: UserSessions;
  /** Issue #4's dry run, mounted as `POST /rules/try` and `POST /actions/actions/try`. */
  readonly dryRun?: DryRunner;
  /** Per-caller limit; server/management/rate-limit.ts has the default. */
  readonly rateLimit?: RateLimitPolicy;
}
