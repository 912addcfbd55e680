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
/**
 * Codes one `mfa_token` may send: Auth0 allows 10 SMS per hour (auth0-wire.md §4.5); a token lives 10
 * minutes and each new one needs the password, so 10 per token bounds what a caller can make us send.
 */
export const MAX_OOB_SENDS_PER_TOKEN = 10;
