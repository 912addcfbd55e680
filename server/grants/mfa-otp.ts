import { grantTypes } from '../../common/oauth/wire';
import { mfaErrors } from '../errors/catalogue';
import { matchTotp } from '../mfa/totp';
import type { Grant, GrantDependencies } from './grant';

/**
 * `http://auth0.com/oauth/grant-type/mfa-otp` (auth0-wire.md §4.5): `mfa_token` + a TOTP `otp` from an
 * enrolled authenticator (or the one being enrolled), ±1 step of skew, each code once (RFC 6238 §5.2),
 * failures metered by the user's bucket of 10. Logs `seotpft`/`feotpft` and `gd_auth_*`.
 */
export function mfaOtpGrant(deps: GrantDependencies): Grant {
  const { service, authenticators } = deps.mfa;
  return {
    type: grantTypes.mfaOtp,
    logTypes: { success: 'seotpft', failure: 'feotpft' },
    async handle(request) {
      const mfaToken = request.params.require('mfa_token');
      const otp = request.params.require('otp');
      const open = service.open(mfaToken, request.client.clientId);
      request.audit.noteUser(open.user);
      service.assertAttemptsLeft(open.user, request.audit);

      const owned = authenticators.listForUser(open.user.id);
      const enrolled = owned.some((a) => a.active && a.type !== 'recovery-code');
      // An enrolled user proves an active factor; a user enrolling proves the one just associated.
      const candidates = owned.filter((a) => a.type === 'otp' && a.active === enrolled);
      const now = deps.clock();
      for (const authenticator of candidates) {
        const secret = authenticators.totpSecret(authenticator.id);
        const step = secret === undefined ? undefined : await matchTotp(secret, otp, now);
        if (step === undefined) continue;
        // A replayed code (same or older step) is as wrong as a wrong code.
        if (!authenticators.claimTimeStep(authenticator.id, step)) break;
        service.confirm(authenticator, request.audit);
        const tokens = await service.complete(open, request.client);
        request.audit.write('gd_auth_succeed', { details: { authenticator: { id: authenticator.id } } });
        return tokens;
      }
      return service.fail(open, request.audit, mfaErrors.invalidOtp(), ['gd_auth_failed', 'feotpft']);
    },
  };
}
