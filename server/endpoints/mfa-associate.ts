import type { FastifyInstance } from 'fastify';
import { authErrors } from '../errors/catalogue';
import { noStoreHeaders } from '../errors/error-renderer';
import { noteClientId } from '../http/request-log';
import { RequestParams } from '../http/request-params';
import type { IssuerSource } from '../issuer';
import { auditRequest } from '../logs/request-audit';
import type { TenantLog } from '../logs/tenant-log';
import type { EnrolmentDependencies } from '../mfa/enrolment';
import { associate } from '../mfa/enrolment';
import { bearerToken, listParameter } from '../mfa/mfa-wire';
import { authenticateClient } from '../security/client-authentication';
import type { ClientRepository } from '../storage/client-repository';

export interface MfaAssociateDependencies extends EnrolmentDependencies {
  readonly clients: ClientRepository;
  readonly logs: TenantLog;
  readonly issuer: IssuerSource;
}

/**
 * `POST /mfa/associate` (auth0-wire.md §4.4): `Authorization: Bearer <mfa_token>`, the client's own
 * credentials in the body, and `authenticator_types` `["otp"]` or `["oob"]` with `oob_channels`
 * `["sms"]` (+ `phone_number`) or `["email"]` (+ `email`, default the user's). OTP answers a `secret`
 * and an otpauth `barcode_uri`; OOB sends a code to the outbox and answers an `oob_code`. Both carry the
 * `recovery_codes` of this first enrolment.
 */
export function registerMfaAssociateEndpoint(app: FastifyInstance, deps: MfaAssociateDependencies): void {
  app.post('/mfa/associate', async (request, reply) => {
    const params = RequestParams.fromBody(request.body);
    const mfaToken = bearerToken(request.headers.authorization) ?? params.get('mfa_token');
    if (mfaToken === undefined) throw authErrors.missingBearerToken();
    const { client } = authenticateClient(deps.clients, {
      authorization: undefined,
      params,
      failure: authErrors.clientUnauthorized,
      onClientIdentified: (clientId) => noteClientId(request, clientId),
    });
    const open = deps.mfa.service.open(mfaToken, client.clientId);
    const audit = auditRequest(request, deps.logs, deps.issuer);
    audit.note({ client, ip: request.ip });
    audit.noteUser(open.user);
    const body = await associate(
      deps,
      open,
      {
        types: listParameter(request.body, 'authenticator_types') ?? [],
        channels: listParameter(request.body, 'oob_channels') ?? [],
        phoneNumber: params.get('phone_number'),
        email: params.get('email'),
      },
      audit,
    );
    return reply.headers(noStoreHeaders).send(body);
  });
}
