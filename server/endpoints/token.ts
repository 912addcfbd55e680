import type { FastifyInstance } from 'fastify';
import { authErrors } from '../errors/catalogue';
import { noStoreHeaders } from '../errors/error-renderer';
import type { GrantRegistry } from '../grants/registry';
import { noteClientId } from '../http/request-log';
import { RequestParams } from '../http/request-params';
import { authenticateClient } from '../security/client-authentication';
import { endUserIp, FORWARDED_FOR_HEADER } from '../security/end-user-ip';
import type { ClientRepository } from '../storage/client-repository';

export interface TokenEndpointDependencies {
  readonly clients: ClientRepository;
  readonly grants: GrantRegistry;
}

/**
 * `POST /oauth/token` (RFC 6749 §3.2, auth0-wire.md §1). Checks, in order: `grant_type` present and
 * supported, client authenticated, grant allowed for the client; then the grant does its work.
 * Form and JSON bodies are both accepted (see http/body-parsers.ts).
 */
export function registerTokenEndpoint(app: FastifyInstance, deps: TokenEndpointDependencies): void {
  app.post('/oauth/token', async (request, reply) => {
    const params = RequestParams.fromBody(request.body);
    const grantType = params.require('grant_type');
    const grant = deps.grants.find(grantType);
    if (!grant) throw authErrors.unsupportedGrantType();

    const authenticated = authenticateClient(deps.clients, {
      authorization: request.headers.authorization,
      params,
      failure: authErrors.clientUnauthorized,
      onClientIdentified: (clientId) => noteClientId(request, clientId),
    });
    if (!authenticated.client.grantTypes.includes(grantType)) throw authErrors.grantNotAllowed(grantType);

    const body = await grant.handle({
      params,
      client: authenticated.client,
      authenticatedWithSecret: authenticated.authenticatedWithSecret,
      ip: endUserIp(request.ip, request.headers[FORWARDED_FOR_HEADER], authenticated),
      log: request.log,
    });
    return reply.headers(noStoreHeaders).send(body);
  });
}
