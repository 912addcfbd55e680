import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from './config';
import { BODY_LIMIT_BYTES, resolveServerConfig } from './config';
import { registerDiscoveryEndpoint } from './endpoints/discovery';
import { registerHealthEndpoint } from './endpoints/health';
import { registerJwksEndpoint } from './endpoints/jwks';
import { registerRevokeEndpoint } from './endpoints/revoke';
import { registerTokenEndpoint } from './endpoints/token';
import { installOAuthErrorHandler } from './errors/error-handler';
import type { UserPermissions } from './grants/grant';
import { createGrantRegistry } from './grants/registry';
import { installAuthBodyParsers } from './http/body-parsers';
import { installRequestLog, loggerOptions, RequestLogController } from './http/request-log';
import { IssuerRef } from './issuer';
import { SigningKeys } from './keys/signing-keys';
import { seedIfEmpty } from './seed/seed';
import { Argon2PasswordHasher } from './security/password-hasher';
import { openDatabase } from './storage/database';
import { createSqliteRepositories } from './storage/repositories';
import { TenantResourceServerDirectory } from './tenant/resource-server-directory';
import { RefreshTokenService } from './tokens/refresh-token-service';
import { TokenMinter } from './tokens/token-minter';

export type { ServerConfig } from './config';

// Roles (and so RBAC permissions) arrive with issue #3; until then nobody holds any permission.
const noRolesYet: UserPermissions = { forUser: () => [] };

/**
 * Builds the reference authorization server without listening (Fastify's `build()` pattern): opens and
 * migrates `<dataDir>/gatehouse.sqlite`, seeds an empty tenant when asked, loads or creates the signing
 * key, and registers the Authentication API. Composition only; the behaviour lives in the modules.
 *
 * Without `config.issuer`, the issuer is taken from the listening address when `listen()` completes.
 * The database is closed when the instance closes.
 */
export async function buildServer(config: ServerConfig): Promise<FastifyInstance> {
  const resolved = resolveServerConfig(config);
  const { clock } = resolved;
  const db = openDatabase(resolved.dataDir);
  try {
    const repos = createSqliteRepositories(db, clock);
    const hasher = await Argon2PasswordHasher.create();
    if (resolved.seed !== undefined) await seedIfEmpty(resolved.seed, repos, hasher);
    const keys = await SigningKeys.load(repos.signingKeys, clock);
    const issuer = new IssuerRef(resolved.issuer);
    const resourceServers = new TenantResourceServerDirectory(repos.resourceServers, issuer);
    const refreshTokens = new RefreshTokenService(repos.refreshTokens, repos.transact, clock);
    const grants = createGrantRegistry({
      settings: repos.settings,
      connections: repos.connections,
      users: repos.users,
      resourceServers,
      hasher,
      refreshTokens,
      minter: new TokenMinter(keys, issuer, clock),
      permissions: noRolesYet,
      clock,
      transact: repos.transact,
    });

    const app = Fastify({
      logger: loggerOptions(resolved.logger),
      logController: new RequestLogController(),
      bodyLimit: BODY_LIMIT_BYTES,
    });
    app.addHook('onListen', (done) => {
      issuer.adoptListeningAddress(app.server.address());
      done();
    });
    app.addHook('onClose', (_instance, done) => {
      db.close();
      done();
    });
    installRequestLog(app);

    // The Authentication API: its own body parsers and OAuth-shaped errors, encapsulated so the
    // Management API (issue #3) can register beside it with its own.
    await app.register(async (authApi) => {
      installAuthBodyParsers(authApi);
      installOAuthErrorHandler(authApi);
      registerTokenEndpoint(authApi, { clients: repos.clients, grants });
      registerRevokeEndpoint(authApi, { clients: repos.clients, refreshTokens });
      registerDiscoveryEndpoint(authApi, { issuer, grantTypes: grants.supported });
      registerJwksEndpoint(authApi, { keys });
      registerHealthEndpoint(authApi);
    });
    return app;
  } catch (error) {
    db.close();
    throw error;
  }
}
