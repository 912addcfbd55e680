import type { FastifyInstance } from 'fastify';
import { authErrors } from '../errors/catalogue';
import { noStoreHeaders } from '../errors/error-renderer';
import { noteClientId } from '../http/request-log';
import { RequestParams } from '../http/request-params';
import type { IssuerSource } from '../issuer';
import { auditRequest } from '../logs/request-audit';
import type { TenantLog } from '../logs/tenant-log';
import { authenticateClient } from '../security/client-authentication';
import type { ClientRepository } from '../storage/client-repository';
import type { RefreshTokenService } from '../tokens/refresh-token-service';

export interface RevokeEndpointDependencies {
  readonly clients: ClientRepository;
  readonly refreshTokens: RefreshTokenService;
  readonly logs: TenantLog;
  readonly issuer: IssuerSource;
}

/**
 * `POST /oauth/revoke` (RFC 7009, auth0-wire.md §5.2), form or JSON (node-auth0 sends JSON).
 *
 * The client is authenticated first (RFC 7009 §2.1; failure is `401 invalid_client`), then the token's
 * whole family is revoked: a family is one sign-in, and revoking only the presented token would leave its
 * rotated successor alive. An unknown token, an access token, or another client's token gets the same
 * empty 200 (RFC 7009 §2.2), so the endpoint cannot be used to test whether a token exists.
 * A revocation that did something is logged as `srrt` (auth0-wire.md §5.2).
 */
export function registerRevokeEndpoint(app: FastifyInstance, deps: RevokeEndpointDependencies): void {
  app.post('/oauth/revoke', async (request, reply) => {
    const params = RequestParams.fromBody(request.body);
    const { client } = authenticateClient(deps.clients, {
      authorization: request.headers.authorization,
      params,
      failure: authErrors.revokeClientUnauthorized,
      onClientIdentified: (clientId) => noteClientId(request, clientId),
    });
    const token = params.require('token');
    const revoked = deps.refreshTokens.revoke(token, client.clientId);
    if (revoked) {
      const audit = auditRequest(request, deps.logs, deps.issuer);
      audit.note({
        client,
        userId: `auth0|${revoked.userId}`,
        ...(revoked.audience !== null && { audience: revoked.audience }),
      });
      audit.write('srrt', { details: { familyId: revoked.familyId, tokens: revoked.tokens } });
    }
    return reply.status(200).headers(noStoreHeaders).send();
  });
}
