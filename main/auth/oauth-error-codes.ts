import { askIt, checkClient, say, tryLater, withReason, type TokenOperation, type Translation } from './error-words';

/** RFC 6750 §3.1: the resource server no longer accepts the bearer token. */
export const invalidToken = say(
  'invalid_token',
  'The server no longer accepts this access token.',
  'Gatehouse renews it by itself; if this keeps happening, sign in again.',
);

/**
 * The standard codes any OAuth server may send: RFC 6749 §5.2 and §4.1.2.1, RFC 6750 §3.1, RFC 7009
 * §2.2.1 and RFC 8628 §3.5. Their meaning during an MFA step is the MFA family's (asked first).
 * Undefined for a code that is not one of these.
 */
export function translateOAuthCode(
  error: string | undefined,
  description: string,
  operation: TokenOperation,
): Translation | undefined {
  switch (error) {
    case 'invalid_grant': // RFC 6749 §5.2
      return operation === 'refresh'
        ? say('session_expired', 'Your saved sign-in is no longer valid.', 'Sign in again with your password.')
        : invalidSignInGrant(description);
    case 'expired_token': // RFC 8628 §3.5
      return say('session_expired', 'Your sign-in has expired.', 'Sign in again with your password.');
    case 'invalid_client': // §2 row 11, RFC 6749 §5.2
      return checkClient;
    case 'invalid_scope': // §2 row 19, RFC 6749 §5.2
      return say(
        'invalid_scope',
        withReason('The server refused the permissions (scope) this app asked for', description),
        'Check the scope in the server profile, or ask your IT team which scopes this app may request.',
      );
    case 'unsupported_grant_type': // §2 row 20, RFC 6749 §5.2
      return say(
        'unsupported_grant_type',
        'This server does not offer this way of signing in.',
        'Check the server profile’s kind (Auth0 or OAuth 2.0), or ask your IT team to enable the password grant.',
      );
    case 'temporarily_unavailable': // RFC 6749 §4.1.2.1
      return say('server_error', 'The sign-in server is temporarily unavailable.', tryLater);
    case 'invalid_token': // RFC 6750 §3.1
      return invalidToken;
    case 'insufficient_scope': // RFC 6750 §3.1
      return say('access_denied', 'The access token lacks a permission this call needs.', askIt);
    case 'unsupported_token_type': // RFC 7009 §2.2.1
      return say(
        'invalid_request',
        'The server cannot revoke this kind of token.',
        'Nothing to do: you are signed out here.',
      );
    default:
      return undefined;
  }
}

/** A password grant's `invalid_grant` (and Auth0's legacy `invalid_user_password`): wrong credentials, usually. */
export function invalidSignInGrant(description: string): Translation {
  if (/disabled|blocked|locked/i.test(description)) {
    // Keycloak and others use invalid_grant for disabled or locked accounts.
    return say('user_blocked', withReason('Your account cannot sign in', description), 'Contact your IT team.');
  }
  return say(
    'invalid_credentials',
    'The username or password is wrong.',
    'Check both, and the realm, then try again. Too many failed attempts lock the account.',
  );
}
