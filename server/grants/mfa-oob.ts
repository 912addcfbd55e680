import { grantTypes } from '../../common/oauth/wire';
import { mfaErrors } from '../errors/catalogue';
import { hashOf } from '../mfa/mfa-secrets';
import { OOB_POLL_INTERVAL_SECONDS } from '../mfa/mfa-kit';
import { secretMatches } from '../security/secret-hash';
import type { Grant, GrantDependencies } from './grant';

/**
 * `http://auth0.com/oauth/grant-type/mfa-oob` (auth0-wire.md §4.5): `mfa_token` + the `oob_code` of a
 * challenge (or enrolment) sent to the outbox + the `binding_code` the user read there. Polling without a
 * binding code answers `authorization_pending`, and polling faster than every 5 s answers `slow_down`
 * (RFC 8628 §3.5). Logs `seoobft`/`feoobft` and `gd_auth_*`.
 */
export function mfaOobGrant(deps: GrantDependencies): Grant {
  const { service, authenticators, transactions } = deps.mfa;
  return {
    type: grantTypes.mfaOob,
    logTypes: { success: 'seoobft', failure: 'feoobft' },
    async handle(request) {
      const mfaToken = request.params.require('mfa_token');
      const oobCode = request.params.require('oob_code');
      const bindingCode = request.params.get('binding_code');
      const open = service.open(mfaToken, request.client.clientId);
      request.audit.noteUser(open.user);
      const now = deps.clock();

      const challenge = transactions.findChallenge(hashOf(oobCode));
      if (
        !challenge ||
        challenge.transactionHash !== open.transaction.tokenHash ||
        challenge.usedAt !== null ||
        challenge.expiresAt <= now
      ) {
        throw mfaErrors.invalidOobCode();
      }
      if (bindingCode === undefined) {
        const tooSoon =
          challenge.lastPolledAt !== null && now - challenge.lastPolledAt < OOB_POLL_INTERVAL_SECONDS * 1000;
        transactions.recordPoll(challenge.oobCodeHash, now);
        throw tooSoon ? mfaErrors.slowDown(OOB_POLL_INTERVAL_SECONDS) : mfaErrors.authorizationPending();
      }

      service.assertAttemptsLeft(open.user, request.audit);
      if (!secretMatches(bindingCode, challenge.bindingCodeHash)) {
        return service.fail(open, request.audit, mfaErrors.invalidBindingCode(), ['gd_auth_failed', 'feoobft']);
      }
      const authenticator = authenticators.findById(challenge.authenticatorId);
      if (!authenticator || !transactions.useChallenge(challenge.oobCodeHash, now)) throw mfaErrors.invalidOobCode();
      service.confirm(authenticator, request.audit);
      const tokens = await service.complete(open, request.client);
      request.audit.write('gd_auth_succeed', { details: { authenticator: { id: authenticator.id } } });
      return tokens;
    },
  };
}
