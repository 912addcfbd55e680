import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../config';
import { authErrors, mfaErrors } from '../errors/catalogue';
import { noStoreHeaders } from '../errors/error-renderer';
import type { IssuerSource } from '../issuer';
import { auditRequest } from '../logs/request-audit';
import type { TenantLog } from '../logs/tenant-log';
import { verifyMfaApiToken } from '../mfa/mfa-api';
import type { MfaKit } from '../mfa/mfa-kit';
import { authenticatorWire, bearerToken } from '../mfa/mfa-wire';

export interface MfaAuthenticatorsDependencies {
  readonly mfa: MfaKit;
  readonly keys: { jwks(): { readonly keys: readonly object[] } };
  readonly issuer: IssuerSource;
  readonly clock: Clock;
  readonly logs: TenantLog;
}

/**
 * `GET /mfa/authenticators` and `DELETE /mfa/authenticators/{id}` (auth0-wire.md §4.2).
 *
 * Listing accepts the `mfa_token` of a pending login or an MFA API access token with
 * `read:authenticators`. Deleting needs an MFA API access token with `remove:authenticators`, which is
 * only issued after MFA: a password alone must never be enough to remove a second factor.
 */
export function registerMfaAuthenticatorsEndpoints(app: FastifyInstance, deps: MfaAuthenticatorsDependencies): void {
  const callerUserId = async (request: FastifyRequest, scope: string, allowMfaToken: boolean): Promise<string> => {
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) throw authErrors.missingBearerToken();
    if (token.split('.').length === 3) {
      const caller = await verifyMfaApiToken(token, deps.keys, deps.issuer, deps.clock);
      if (!caller) throw authErrors.invalidBearerToken();
      if (!caller.scopes.has(scope)) throw mfaErrors.insufficientScope(scope);
      return caller.userId;
    }
    if (!allowMfaToken) throw authErrors.invalidBearerToken();
    try {
      return deps.mfa.service.open(token, undefined).user.id;
    } catch {
      // An unusable mfa_token is an invalid bearer token here (RFC 6750 §3.1).
      throw authErrors.invalidBearerToken();
    }
  };

  app.get('/mfa/authenticators', async (request, reply) => {
    const userId = await callerUserId(request, 'read:authenticators', true);
    const list = deps.mfa.authenticators.listForUser(userId).map(authenticatorWire);
    return reply.headers(noStoreHeaders).send(list);
  });

  // A wildcard, not `:id`: Fastify answers over-long or badly encoded parameters itself, without our
  // error shape or no-store (FST_ERR_MAX_PARAM_LENGTH, FST_ERR_BAD_URL).
  app.delete<{ Params: { '*': string } }>('/mfa/authenticators/*', async (request, reply) => {
    const userId = await callerUserId(request, 'remove:authenticators', false);
    const authenticator = deps.mfa.authenticators.findById(request.params['*']);
    if (!authenticator || authenticator.userId !== userId) throw mfaErrors.authenticatorNotFound();
    deps.mfa.authenticators.delete(authenticator.id);
    const remaining = deps.mfa.authenticators.listForUser(userId);
    // With the last real factor gone a recovery code protects nothing, so it goes too.
    if (!remaining.some((item) => item.type !== 'recovery-code')) deps.mfa.authenticators.deleteAllForUser(userId);
    const audit = auditRequest(request, deps.logs, deps.issuer);
    audit.note({ userId: `auth0|${userId}` });
    audit.write('gd_unenroll', { details: { authenticator: { id: authenticator.id, type: authenticator.type } } });
    return reply.status(204).headers(noStoreHeaders).send();
  });
}
