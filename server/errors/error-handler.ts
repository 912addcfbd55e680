import type { FastifyInstance } from 'fastify';
import { noStoreHeaders, renderError } from './error-renderer';

/**
 * Installs the Authentication API's one error handler on `app` (an encapsulated plugin scope, so the
 * Management API can render its own `{statusCode, error, message, errorCode}` shape later).
 * Every error answer carries `Cache-Control: no-store` and `Pragma: no-cache` (auth0-wire.md §0).
 * Also installs the scope's not-found handler, so a wrong path gets an OAuth-shaped 404.
 */
export function installOAuthErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const rendered = renderError(error);
    if (rendered.isUnexpected) request.log.error({ err: error }, 'unexpected error while serving request');
    return reply.status(rendered.status).headers(noStoreHeaders).send(rendered.body);
  });
  // Unknown paths and wrong methods (GET /oauth/token) answer in the same shape. Our own wording.
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).headers(noStoreHeaders).send({ error: 'not_found', error_description: 'Not found.' }),
  );
}
