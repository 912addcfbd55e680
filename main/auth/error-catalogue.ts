import { translateAuth0Code } from './auth0-error-rows';
import type { TokenOperation, Translation } from './error-words';
import { translateMfaCode } from './mfa-error-codes';
import type { ServerErrorAnswer } from './server-answer';
import { translateOAuthCode } from './oauth-error-codes';

export type { TokenOperation, Translation } from './error-words';
export { translateByStatus } from './http-status-errors';

/**
 * Auth0's catalogue (spec/auth0-wire.md §2 and §4.5), RFC 6749 §5.2 and §4.1.2.1, RFC 6750 §3.1,
 * RFC 7009 §2.2.1 and RFC 8628 §3.5, by `error` code. Undefined for a code we do not know, which the
 * caller then explains by HTTP status (translateByStatus).
 */
export function translateByCode(
  answer: ServerErrorAnswer,
  status: number,
  operation: TokenOperation,
): Translation | undefined {
  const description = answer.description ?? '';
  // MFA first: during an MFA step, `invalid_grant`, `expired_token`, `too_many_attempts` and `invalid_token`
  // mean the MFA step failed, not the password or the session. The other families share no code.
  return (
    translateMfaCode(answer.error, description, operation) ??
    translateAuth0Code(answer.error, description, status) ??
    translateOAuthCode(answer.error, description, operation)
  );
}
