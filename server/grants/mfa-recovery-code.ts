import type { TokenResponseWire } from '../../common/oauth/wire';
import { grantTypes } from '../../common/oauth/wire';
import { mfaErrors } from '../errors/catalogue';
import { hashOf, newRecoveryCode, normalizeRecoveryCode } from '../mfa/mfa-secrets';
import { secretMatches } from '../security/secret-hash';
import type { Grant, GrantDependencies } from './grant';

/**
 * `http://auth0.com/oauth/grant-type/mfa-recovery-code` (auth0-wire.md §4.5): `mfa_token` + the user's
 * recovery code. Success returns the tokens **plus** a new `recovery_code` (the old one stops working).
 * Logs `sercft`/`fercft` and `gd_recovery_succeed`/`gd_recovery_failed`.
 */
export function mfaRecoveryCodeGrant(deps: GrantDependencies): Grant {
  const { service, authenticators } = deps.mfa;
  return {
    type: grantTypes.mfaRecoveryCode,
    logTypes: { success: 'sercft', failure: 'fercft' },
    async handle(request): Promise<TokenResponseWire> {
      const mfaToken = request.params.require('mfa_token');
      const presented = normalizeRecoveryCode(request.params.require('recovery_code'));
      const open = service.open(mfaToken, request.client.clientId);
      request.audit.noteUser(open.user);
      service.assertAttemptsLeft(open.user, request.audit);

      const stored = authenticators.recoveryCodeHash(open.user.id);
      const active = stored !== undefined && authenticators.findById(stored.id)?.active === true;
      if (!stored || !active || !secretMatches(presented, stored.hash)) {
        return service.fail(open, request.audit, mfaErrors.invalidRecoveryCode(), ['gd_recovery_failed', 'fercft']);
      }
      service.redeem(open);
      const next = newRecoveryCode();
      // Claiming the code by swapping its hash makes it single-use even against a concurrent request.
      if (!authenticators.swapRecoveryCode(open.user.id, stored.hash, hashOf(next))) {
        throw mfaErrors.invalidRecoveryCode();
      }
      request.audit.write('gd_recovery_succeed');
      const tokens = await service.mint(open, request.client);
      const rotated = { recovery_code: next };
      return { ...tokens, ...rotated };
    },
  };
}
