import type { FastifyInstance, FastifyRequest } from 'fastify';
import { noteClientId } from '../http/request-log';
import { ManagementAudit } from './audit';
import type { ManagementActor } from './auth';
import { ManagementTokenVerifier } from './auth';
import { installManagementBodyParsers } from './body-parsers';
import { actionBindingRoutes } from './action-bindings';
import { actionRoutes } from './actions';
import { attackProtectionRoutes } from './attack-protection';
import { clientGrantRoutes } from './client-grants';
import { clientRoutes } from './clients';
import { connectionRoutes } from './connections';
import type { ManagementDependencies } from './dependencies';
import { dryRunRoutes } from './dry-run';
import { renderManagementError } from './error-renderer';
import { mgmtErrors } from './errors';
import { logRoutes } from './logs';
import { ManagementRateLimiter } from './rate-limit';
import { resourceServerRoutes } from './resource-servers';
import { roleRoutes } from './roles';
import type { ManagementRoute } from './route';
import { registerRoutes } from './route';
import { ruleRoutes } from './rules';
import { userBlockRoutes } from './user-blocks';
import { userSubresourceRoutes } from './user-subresources';
import { userRoutes } from './users';
import { usersByEmailRoutes } from './users-by-email';

/** Where the Management API lives (auth0-wire.md §0). */
export const MANAGEMENT_API_PREFIX = '/api/v2';

/** Every resource's routes, one file per resource (architecture.md "server/management"). */
function allRoutes(deps: ManagementDependencies): ManagementRoute[] {
  return [
    ...connectionRoutes(deps),
    ...clientRoutes(deps),
    ...clientGrantRoutes(deps),
    ...resourceServerRoutes(deps),
    ...roleRoutes(deps),
    ...userRoutes(deps),
    ...usersByEmailRoutes(deps),
    ...userSubresourceRoutes(deps),
    ...userBlockRoutes(deps),
    ...ruleRoutes(deps),
    ...dryRunRoutes(deps),
    ...actionRoutes(deps),
    ...actionBindingRoutes(deps),
    ...logRoutes(deps),
    ...attackProtectionRoutes(deps),
  ];
}

/**
 * Registers the Management API v2 under `/api/v2` as its own encapsulated scope: its own body parsers,
 * its own `{statusCode, error, message, errorCode}` errors and 404, Bearer authentication on every
 * request, a per-caller rate limit with `X-RateLimit-*` headers, and per-route scope checks.
 */
export async function registerManagementApi(app: FastifyInstance, deps: ManagementDependencies): Promise<void> {
  const verifier = new ManagementTokenVerifier(deps.keys, deps.issuer, deps.clock);
  const limiter = new ManagementRateLimiter(deps.rateLimit);
  const audit = new ManagementAudit(deps.repos.logs, {
    issuer: deps.issuer,
    names: {
      userName: (id) => {
        const user = deps.repos.users.findById(id);
        return user?.email ?? user?.username ?? undefined;
      },
      clientName: (clientId) => deps.repos.clients.findById(clientId)?.name,
    },
  });

  await app.register(
    async (api) => {
      installManagementBodyParsers(api);
      api.decorateRequest('managementActor', null);
      api.decorateRequest('managementLogged', false);

      // Authenticate first, so a caller without a valid token learns nothing else (not even 404s).
      api.addHook('onRequest', async (request, reply) => {
        const actor = await verifier.verify(request.headers.authorization);
        request.managementActor = actor;
        if (actor.clientId !== null) noteClientId(request, actor.clientId);
        const decision = limiter.take(actor.subject, deps.clock());
        reply.headers({
          'x-ratelimit-limit': String(decision.limit),
          'x-ratelimit-remaining': String(decision.remaining),
          'x-ratelimit-reset': String(decision.reset),
        });
        if (!decision.allowed) {
          reply.header('retry-after', String(decision.retryAfter));
          safely(request, () => audit.limited(request, actor));
          throw mgmtErrors.tooManyRequests();
        }
      });

      api.setErrorHandler((error, request, reply) => {
        const rendered = renderManagementError(error);
        if (rendered.isUnexpected) request.log.error({ err: error }, 'unexpected error in the Management API');
        const actor = request.managementActor;
        const description = request.routeOptions.config.managementWrite;
        // A failed write is logged (`fapi`) with its actor; the write itself was rolled back.
        if (actor !== null && description !== undefined && rendered.status !== 429) {
          safely(request, () => audit.failure(request, actor, description, rendered.status, rendered.body));
        }
        return reply.status(rendered.status).send(rendered.body);
      });
      api.setNotFoundHandler((_request, reply) => {
        const error = mgmtErrors.routeNotFound();
        return reply.status(404).send(error.body());
      });

      registerRoutes(api, { audit, transact: deps.repos.transact }, allRoutes(deps));
    },
    { prefix: MANAGEMENT_API_PREFIX },
  );
}

/** Writes a log line without letting a logging failure change the answer (it is logged instead). */
function safely(request: FastifyRequest, write: () => void): void {
  try {
    write();
  } catch (error) {
    request.log.error({ err: error }, 'could not write a Management API tenant log event');
  }
}

export type { ManagementActor };
