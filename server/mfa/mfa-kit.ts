import type { AuthenticatorRepository } from '../storage/authenticator-repository';
import type { MfaTransactionRepository } from '../storage/mfa-transaction-repository';
import type { MfaService } from './mfa-service';

/** What the MFA grants and endpoints share (issue #4). */
export interface MfaKit {
  readonly service: MfaService;
  readonly authenticators: AuthenticatorRepository;
  readonly transactions: MfaTransactionRepository;
}

/** OOB polling interval: faster polls get `slow_down` (RFC 8628 §3.5's default of 5 seconds). */
export const OOB_POLL_INTERVAL_SECONDS = 5;
/** OOB codes are valid 5 minutes, as Auth0's OTP codes (auth0-wire.md §4.5). */
export const OOB_CODE_LIFETIME_MS = 5 * 60 * 1000;
