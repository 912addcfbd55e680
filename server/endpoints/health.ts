import type { FastifyInstance } from 'fastify';

/** `GET /health`: answers as long as the event loop does (security.md asks it to stay fast under load). */
export function registerHealthEndpoint(app: FastifyInstance): void {
  app.get('/health', async () => ({ status: 'ok' }));
}
