import { join } from 'node:path';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyServerOptions } from 'fastify';
import type { ServerConfig } from './config';
import { BODY_LIMIT_BYTES, resolveServerConfig } from './config';
import { registerDiscoveryEndpoint } from './endpoints/discovery';
import { registerMfaEndpoints } from './endpoints/mfa-endpoints';
import { createExtensibilityRuntime } from './extensibility/runtime';
import { valueCipherFor } from './extensibility/value-cipher';
import { withMfaApi } from './mfa/mfa-api';
import { registerHealthEndpoint } from './endpoints/health';
import { registerJwksEndpoint } from './endpoints/jwks';
import { registerRevokeEndpoint } from './endpoints/revoke';
import { registerTokenEndpoint } from './endpoints/token';
import { registerUserinfoEndpoint } from './endpoints/userinfo';
import { installOAuthErrorHandler } from './errors/error-handler';
import { noStoreHeaders, renderError } from './errors/error-renderer';
import { renderManagementError } from './management/error-renderer';
import { createGrantRegistry } from './grants/registry';
import { installAuthBodyParsers } from './http/body-parsers';
import { installRequestLog, loggerOptions, RequestLogController } from './http/request-log';
import { IssuerRef } from './issuer';
import { SigningKeys } from './keys/signing-keys';
import { defaultLogRetention } from './logs/sqlite-tenant-log';
import { registerManagementApi } from './management/plugin';
import { seedIfEmpty } from './seed/seed';
import { AttackProtection } from './security/login-protection';
import { Argon2PasswordHasher } from './security/password-hasher';
import { createAdminRepositories } from './storage/admin/index';
import { DATABASE_FILE_NAME, openDatabase } from './storage/database';
import { DurabilityBarrier, walFileSync } from './storage/durability-barrier';
import { installDurableAnswers } from './http/durable-answers';
import { createSqliteRepositories } from './storage/repositories';
import { TenantResourceServerDirectory } from './tenant/resource-server-directory';
import { RefreshTokenService } from './tokens/refresh-token-service';
import { TokenMinter } from './tokens/token-minter';

export type { ServerConfig } from './config';

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
  const wal = walFileSync(join(resolved.dataDir, DATABASE_FILE_NAME));
  try {
    const issuer = new IssuerRef(resolved.issuer, resolved.tls ? 'https' : 'http');
    const logRetention = { ...defaultLogRetention, days: resolved.logRetentionDays };
    const repos = createSqliteRepositories(db, clock, valueCipherFor(resolved.keyEncryptionSecret), {
      issuer,
      logRetention,
    });
    const hasher = resolved.passwordHasher ?? (await Argon2PasswordHasher.create());
    if (resolved.seed !== undefined) await seedIfEmpty(resolved.seed, repos, hasher);
    const keys = await SigningKeys.load(repos.signingKeys, clock, {
      ...(resolved.keyEncryptionSecret !== undefined && { encryptionSecret: resolved.keyEncryptionSecret }),
    });
    if (resolved.rotateSigningKey) await keys.rotate();
    const resourceServers = withMfaApi(new TenantResourceServerDirectory(repos.resourceServers, issuer), issuer);
    const refreshTokens = new RefreshTokenService(repos.refreshTokens, repos.transact, clock);
    const extensibility = createExtensibilityRuntime({
      repos,
      permissions: repos.roles,
      clock,
      issuer,
      keys,
      refreshTokens,
      resourceServers,
      dataDir: resolved.dataDir,
      config: config.extensibility,
    });
    const grants = createGrantRegistry({
      settings: repos.settings,
      connections: repos.connections,
      users: repos.users,
      resourceServers,
      hasher,
      refreshTokens,
      minter: new TokenMinter(keys, issuer, clock, repos.userinfoClaims),
      permissions: repos.roles,
      clock,
      transact: repos.transact,
      protection: new AttackProtection(repos.attackProtection, repos.loginFailures, repos.ipThrottle),
      clientGrants: repos.clientGrants,
      postLogin: extensibility.postLogin,
      mfa: extensibility.mfa,
    });

    const options: FastifyServerOptions & { https?: { cert: string; key: string } } = {
      logger: loggerOptions(resolved.logger),
      logController: new RequestLogController(),
      bodyLimit: BODY_LIMIT_BYTES,
      // Resource-server identifiers are URLs, and /api/v2/resource-servers/{id} takes them whole.
      routerOptions: { maxParamLength: 2048 },
      // Fastify answers some malformed requests (bad percent-encoding in a path parameter) before any route
      // scope's error handler runs; answer them in the API's own shape, never cached, like every other error.
      frameworkErrors: (error, request, reply) => {
        const rendered = request.url.startsWith('/api/v2/') ? renderManagementError(error) : renderError(error);
        // The hook's reply is typed for a generic route; this one only sends a JSON error body.
        void (reply as unknown as FastifyReply).status(rendered.status).headers(noStoreHeaders).send(rendered.body);
      },
      ...(resolved.tls && { https: { cert: resolved.tls.cert, key: resolved.tls.key } }),
    };
    // Typed as the HTTP overload: with `https` Fastify builds an https.Server, which serves the same API.
    const app = Fastify(options);
    app.addHook('onListen', (done) => {
      issuer.adoptListeningAddress(app.server.address());
      done();
    });
    app.addHook('onClose', async () => {
      repos.logs.flush();
      await wal.close();
      db.close();
    });
    installRequestLog(app);
    // Tenant-log events wait in memory for the end of the turn; flush them into the commits being synced, so
    // the events of an answered request are as durable as the answer.
    installDurableAnswers(
      app,
      new DurabilityBarrier(async () => {
        repos.logs.flush();
        await wal.sync();
      }),
    );

    // The Authentication API: its own body parsers and OAuth-shaped errors, encapsulated so the
    // Management API (issue #3) can register beside it with its own.
    await app.register(async (authApi) => {
      installAuthBodyParsers(authApi);
      installOAuthErrorHandler(authApi);
      registerTokenEndpoint(authApi, { clients: repos.clients, grants, logs: repos.logs, issuer });
      registerRevokeEndpoint(authApi, { clients: repos.clients, refreshTokens, logs: repos.logs, issuer });
      registerUserinfoEndpoint(authApi, { keys, issuer, users: repos.users, claims: repos.userinfoClaims, clock });
      registerDiscoveryEndpoint(authApi, { issuer, grantTypes: grants.supported });
      registerJwksEndpoint(authApi, { keys });
      registerHealthEndpoint(authApi, { checkDatabase: () => void repos.settings.get() });
      registerMfaEndpoints(authApi, {
        runtime: extensibility,
        clients: repos.clients,
        mfaSettings: repos.mfaSettings,
        logs: repos.logs,
        issuer,
        keys,
        clock,
      });
    });
    // The Management API v2 (issue #5): its own scope under /api/v2, with its own error shape.
    await registerManagementApi(app, {
      issuer,
      keys,
      clock,
      hasher,
      repos,
      admin: createAdminRepositories(db, repos.clients, clock),
      resourceServers,
      sessions: refreshTokens,
      dryRun: extensibility.dryRun,
    });
    return app;
  } catch (error) {
    await wal.close();
    db.close();
    throw error;
  }
}
