import { say, startOver, type TokenOperation, type Translation } from './error-words';

/** On the MFA API the bearer is the `mfa_token`, so a refused bearer means the MFA step is over. */
export const mfaTokenRefused = say('mfa_expired', 'This sign-in step can no longer be completed.', startOver);

/**
 * MFA answers (spec/auth0-wire.md §4.3 and §4.5; RFC 8628 §3.5 for out-of-band polling). During an MFA
 * step (`operation === 'mfa'`) some general codes mean something MFA-specific, so the catalogue asks this
 * family first. Undefined when the answer is not an MFA one.
 */
export function translateMfaCode(
  error: string | undefined,
  description: string,
  operation: TokenOperation,
): Translation | undefined {
  if (operation === 'mfa') {
    const duringMfa = translateDuringMfa(error, description);
    if (duringMfa !== undefined) return duringMfa;
  }
  switch (error) {
    case 'authorization_pending': // §4.5, RFC 8628 §3.5
      return say(
        'mfa_pending',
        'Waiting for you to approve the sign-in on your other device.',
        'Approve the request in your authenticator app; Gatehouse keeps checking.',
      );
    case 'slow_down': // RFC 8628 §3.5: the poller adds 5 seconds to its interval
      return say(
        'mfa_slow_down',
        'The server asked Gatehouse to check for your approval less often.',
        'Nothing to do: Gatehouse waits longer between checks.',
      );
    case 'mfa_required': // §2 row 8
      return say(
        'mfa_required',
        'This account needs a second factor to sign in.',
        'Complete multi-factor authentication to continue.',
      );
    case 'unsupported_challenge_type':
    case 'association_required': // §4.3
      return say(
        'mfa_not_enrolled',
        'This account has no second factor that this app can use.',
        'Set up an authenticator app (scan the QR code), or ask your IT team to reset your MFA.',
      );
    default:
      return undefined;
  }
}

/** Codes shared with the other families, read as answers to an MFA step. */
function translateDuringMfa(error: string | undefined, description: string): Translation | undefined {
  // Auth0 says this in the description, whatever the `error` code (§4.3 associate).
  if (/already enrolled/i.test(description)) {
    return say(
      'access_denied',
      'This account already has a second factor set up.',
      'Use the code from your existing authenticator app, or ask your IT team to reset your MFA.',
    );
  }
  switch (error) {
    case 'invalid_grant':
      return invalidMfaGrant(description);
    case 'expired_token': // Auth0 "mfa_token is expired" (§4.5)
      return say('mfa_expired', 'The time to finish the second sign-in step ran out.', startOver);
    case 'too_many_attempts':
      return say('too_many_attempts', 'Too many wrong codes in a row.', 'Wait a few minutes, then try again.');
    case 'invalid_token':
      return mfaTokenRefused;
    default:
      return undefined;
  }
}

/** §4.5: the MFA grants' `invalid_grant` texts, told apart by their description. */
function invalidMfaGrant(description: string): Translation {
  if (/malformed mfa_token/i.test(description)) {
    return say('mfa_expired', 'This sign-in step can no longer be completed.', startOver);
  }
  if (/expired/i.test(description)) {
    return say('mfa_expired', 'The time to finish the second sign-in step ran out.', startOver);
  }
  if (/rejected/i.test(description)) {
    return say(
      'mfa_rejected',
      'The sign-in was rejected on your other device.',
      'If that was not you, tell your IT team now. Otherwise, sign in again.',
    );
  }
  if (/recovery/i.test(description)) {
    return say(
      'mfa_invalid_code',
      'That recovery code is not valid.',
      'Check the code (each one works once), then try again.',
    );
  }
  return say(
    'mfa_invalid_code',
    'That code was not accepted.',
    'Enter the current code from your authenticator app; codes change every 30 seconds and work once.',
  );
}
