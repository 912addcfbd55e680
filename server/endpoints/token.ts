import type { FastifyInstance } from 'fastify';
import { authErrors } from '../errors/catalogue';
import { noStoreHeaders } from '../errors/error-renderer';
import { OAuthError } from '../errors/oauth-errors';
import type { Grant } from '../grants/grant';
import type { GrantRegistry } from '../grants/registry';
import { noteClientId } from '../http/request-log';
import { RequestParams } from '../http/request-params';
import type { IssuerSource } from '../issuer';
import type { RequestAudit } from '../logs/request-audit';
import { auditRequest } from '../logs/request-audit';
import type { TenantLog } from '../logs/tenant-log';
import { authenticateClient } from '../security/client-authentication';
import { endUserIp, FORWARDED_FOR_HEADER } from '../security/end-user-ip';
import type { ClientRepository } from '../storage/client-repository';

export interface TokenEndpointDependencies {
  readonly clients: ClientRepository;
  readonly grants: GrantRegistry;
  readonly logs: TenantLog;
  readonly issuer: IssuerSource;
}

/**
 * Writes the grant's failure event (e.g. `fepft`) unless the grant already wrote a more precise one
 * (`fp`, `fu`, `limit_wc`, `ferrt`, `mfar`, …). Unexpected errors are logged without their message,
 * which could hold internals.
 */
function auditFailure(audit: RequestAudit, grant: Grant, error: unknown): void {
  if (!grant.logTypes || audit.hasWritten) return;
  const description = error instanceof OAuthError ? error.description : 'Internal server error.';
  const code = error instanceof OAuthError ? error.error : 'server_error';
  audit.write(grant.logTypes.failure, { description, details: { error: { message: description, oauthError: code } } });
}

/**
 * `POST /oauth/token` (RFC 6749 §3.2, auth0-wire.md §1). Checks, in order: `grant_type` present and
 * supported, client authenticated, grant allowed for the client; then the grant does its work.
 * Form and JSON bodies are both accepted (see http/body-parsers.ts).
 *
 * Every request for a known grant leaves one outcome event in the tenant log (§7.6): the grant's success
 * code, or its failure code unless the grant wrote a more precise event itself.
 */
export function registerTokenEndpoint(app: FastifyInstance, deps: TokenEndpointDependencies): void {
  app.post('/oauth/token', async (request, reply) => {
    const params = RequestParams.fromBody(request.body);
    const grantType = params.require('grant_type');
    const grant = deps.grants.find(grantType);
    if (!grant) throw authErrors.unsupportedGrantType();

    const audit = auditRequest(request, deps.logs, deps.issuer);
    let body;
    try {
      const authenticated = authenticateClient(deps.clients, {
        authorization: request.headers.authorization,
        params,
        failure: authErrors.clientUnauthorized,
        onClientIdentified: (clientId) => noteClientId(request, clientId),
      });
      const ip = endUserIp(request.ip, request.headers[FORWARDED_FOR_HEADER], authenticated);
      audit.note({ client: authenticated.client, ip });
      if (!authenticated.client.grantTypes.includes(grantType)) throw authErrors.grantNotAllowed(grantType);

      body = await grant.handle({
        params,
        client: authenticated.client,
        authenticatedWithSecret: authenticated.authenticatedWithSecret,
        ip,
        log: request.log,
        audit,
        ...(typeof request.headers['user-agent'] === 'string' && { userAgent: request.headers['user-agent'] }),
      });
    } catch (error) {
      auditFailure(audit, grant, error);
      throw error;
    }
    if (grant.logTypes) {
      if (body.scope !== undefined) audit.note({ scope: body.scope });
      audit.write(grant.logTypes.success);
    }
    return reply.headers(noStoreHeaders).send(body);
  });
}
