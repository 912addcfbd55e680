import type { FastifyInstance } from 'fastify';

export interface HealthEndpointDependencies {
  /** Throws when the database cannot answer (a cheap read of one row). */
  readonly checkDatabase?: () => void;
}

/**
 * `GET /health`: `{"status":"ok"}` while the event loop and the database answer, else 503
 * `{"status":"unavailable"}` (for load balancers and supervisors). Kept cheap: security.md asks it to
 * answer within 100 ms even under load.
 */
export function registerHealthEndpoint(app: FastifyInstance, deps: HealthEndpointDependencies = {}): void {
  app.get('/health', async (request, reply) => {
    try {
      deps.checkDatabase?.();
    } catch (error) {
      request.log.error({ err: error }, 'health check: database unavailable');
      return reply.status(503).header('cache-control', 'no-store').send({ status: 'unavailable' });
    }
    return reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });
}
