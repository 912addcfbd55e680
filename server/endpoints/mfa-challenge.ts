import type { FastifyInstance } from 'fastify';
import { authErrors, mfaErrors } from '../errors/catalogue';
import { noStoreHeaders } from '../errors/error-renderer';
import { noteClientId } from '../http/request-log';
import { RequestParams } from '../http/request-params';
import type { IssuerSource } from '../issuer';
import { auditRequest } from '../logs/request-audit';
import type { TenantLog } from '../logs/tenant-log';
import type { EnrolmentDependencies } from '../mfa/enrolment';
import { sendOobCode } from '../mfa/enrolment';
import { authenticateClient } from '../security/client-authentication';
import type { ClientRepository } from '../storage/client-repository';

export interface MfaChallengeDependencies extends Pick<EnrolmentDependencies, 'mfa' | 'sender' | 'clock' | 'tenant'> {
  readonly clients: ClientRepository;
  readonly logs: TenantLog;
  readonly issuer: IssuerSource;
}

/**
 * `POST /mfa/challenge` (auth0-wire.md §4.3): `mfa_token`, client credentials, optional
 * `challenge_type` (`otp`, `oob`, or both separated by a space) and `authenticator_id`. Picks the user's
 * first active factor that fits: OTP answers `{"challenge_type":"otp"}` (nothing is sent); OOB sends a
 * code to the outbox and answers `oob_code` with `binding_method: "prompt"`. No fitting factor is
 * `unsupported_challenge_type`.
 */
export function registerMfaChallengeEndpoint(app: FastifyInstance, deps: MfaChallengeDependencies): void {
  app.post('/mfa/challenge', async (request, reply) => {
    const params = RequestParams.fromBody(request.body);
    const mfaToken = params.require('mfa_token');
    const { client } = authenticateClient(deps.clients, {
      authorization: request.headers.authorization,
      params,
      failure: authErrors.clientUnauthorized,
      onClientIdentified: (clientId) => noteClientId(request, clientId),
    });
    const open = deps.mfa.service.open(mfaToken, client.clientId);
    const wanted = new Set((params.get('challenge_type') ?? 'otp oob').split(/\s+/).filter((t) => t !== ''));
    const authenticatorId = params.get('authenticator_id');

    const candidate = deps.mfa.authenticators
      .listForUser(open.user.id)
      .filter((item) => item.active && item.type !== 'recovery-code')
      .find((item) => wanted.has(item.type) && (authenticatorId === undefined || item.id === authenticatorId));
    if (!candidate) throw mfaErrors.unsupportedChallengeType();
    if (candidate.type === 'otp') return reply.headers(noStoreHeaders).send({ challenge_type: 'otp' });

    const audit = auditRequest(request, deps.logs, deps.issuer);
    audit.note({ client, ip: request.ip });
    audit.noteUser(open.user);
    const oobCode = await sendOobCode(deps, open, candidate, audit);
    return reply.headers(noStoreHeaders).send({ challenge_type: 'oob', oob_code: oobCode, binding_method: 'prompt' });
  });
}
