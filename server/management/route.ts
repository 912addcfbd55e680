import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Transact } from '../storage/repositories';
import type { ManagementAudit } from './audit';
import type { ManagementActor } from './auth';
import { mgmtErrors } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified caller of a Management API request; set by the plugin's authentication hook. */
    managementActor: ManagementActor | null;
    /** Whether this write's `sapi` entry has been written (inside its transaction). */
    managementLogged: boolean;
  }
  interface FastifyContextConfig {
    /** Any one of these scopes lets the caller in (auth0-wire.md §7). */
    managementScopes?: readonly string[];
    /** For writes: the tenant log description ("Create a connection"); reads have none. */
    managementWrite?: string;
  }
}

/** What a route handler gets. */
export interface ManagementCall {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly actor: ManagementActor;
  /** Path parameters, already URL-decoded by Fastify. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: unknown;
  readonly body: unknown;
  hasScope(scope: string): boolean;
  /**
   * Runs synchronous storage work as one transaction. For a write, the `sapi` log entry is written in the
   * same transaction, so a change and its audit line commit (or roll back) together.
   */
  commit<T>(work: () => T): T;
}

/** One Management API route. */
export interface ManagementRoute {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly url: string;
  /** Any one of these is enough; the 403 lists them all. */
  readonly scopes: readonly string[];
  /** Writes only: what the tenant log entry says the call did. */
  readonly description?: string;
  /** Success status; 200 unless given. A 204 sends no body. */
  readonly status?: number;
  handler(call: ManagementCall): unknown;
}

/** Services the route layer itself needs. */
export interface RouteServices {
  readonly audit: ManagementAudit;
  readonly transact: Transact;
}

function requireActor(request: FastifyRequest): ManagementActor {
  // The plugin's onRequest hook authenticates every request before routing reaches a handler.
  if (request.managementActor === null) throw mgmtErrors.missingToken();
  return request.managementActor;
}

/** Registers `routes` on the Management API scope. */
export function registerRoutes(
  app: FastifyInstance,
  services: RouteServices,
  routes: readonly ManagementRoute[],
): void {
  for (const route of routes) {
    const status = route.status ?? 200;
    app.route({
      method: route.method,
      url: route.url,
      config: {
        managementScopes: route.scopes,
        ...(route.description !== undefined && { managementWrite: route.description }),
      },
      preHandler: async (request) => {
        const actor = requireActor(request);
        if (!route.scopes.some((scope) => actor.scopes.has(scope))) throw mgmtErrors.insufficientScope(route.scopes);
      },
      handler: async (request, reply) => {
        const actor = requireActor(request);
        const commit = <T>(work: () => T): T =>
          services.transact(() => {
            const result = work();
            if (route.description !== undefined && !request.managementLogged) {
              services.audit.success(request, actor, route.description, status);
              request.managementLogged = true;
            }
            return result;
          });
        const result = await route.handler({
          request,
          reply,
          actor,
          params: (request.params ?? {}) as Record<string, string>,
          query: request.query,
          body: request.body,
          hasScope: (scope) => actor.scopes.has(scope),
          commit,
        });
        // A write that needed no storage work (a no-op) is still logged.
        if (route.description !== undefined && !request.managementLogged) commit(() => undefined);
        reply.status(status);
        return status === 204 ? reply.send() : reply.send(result);
      },
    });
  }
}
