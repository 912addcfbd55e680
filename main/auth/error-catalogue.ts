import type { AppErrorCode } from '../../common/errors/app-error';
import type { ServerErrorAnswer } from './server-answer';

/** What the caller was doing, because the same `invalid_grant` means a wrong password or an expired session. */
export type TokenOperation = 'sign-in' | 'refresh' | 'revoke' | 'mfa' | 'client-credentials' | 'userinfo' | 'discovery';

/** Plain words for one server answer: what happened, and what the user can do next. */
export interface Translation {
  readonly code: AppErrorCode;
  readonly message: string;
  readonly nextStep: string;
}

const say = (code: AppErrorCode, message: string, nextStep: string): Translation => ({ code, message, nextStep });

const askIt = 'Contact your IT team if you think this is wrong.';
const checkClient = say(
  'unauthorized_client',
  'The server did not accept this app’s client credentials.',
  'Check the client ID and client secret in the server profile.',
);
const startOver = 'Start again: sign in with your password.';
const rateLimited = say(
  'rate_limited',
  'The server is limiting how often this app may call it.',
  'Wait a minute, then try again.',
);
const mfaTokenRefused = say('mfa_expired', 'This sign-in step can no longer be completed.', startOver);
const invalidToken = say(
  'invalid_token',
  'The server no longer accepts this access token.',
  'Gatehouse renews it by itself; if this keeps happening, sign in again.',
);

/**
 * Auth0's catalogue (spec/auth0-wire.md §2 and §4.5), RFC 6749 §5.2 and §4.1.2.1, RFC 6750 §3.1,
 * RFC 7009 §2.2.1 and RFC 8628 §3.5, by `error` code. Undefined for a code we do not know, which the
 * caller then explains by HTTP status.
 */
export function translateByCode(
  answer: ServerErrorAnswer,
  status: number,
  operation: TokenOperation,
): Translation | undefined {
  const description = answer.description ?? '';
  if (operation === 'mfa' && /already enrolled/i.test(description)) {
    return say(
      'access_denied',
      'This account already has a second factor set up.',
      'Use the code from your existing authenticator app, or ask your IT team to reset your MFA.',
    );
  }
  switch (answer.error) {
    case 'invalid_grant':
      return invalidGrant(description, operation);
    case 'invalid_user_password': // §2 row 2 (legacy endpoints)
      return invalidGrant(description, 'sign-in');
    case 'expired_token': // RFC 8628 §3.5; Auth0 "mfa_token is expired" (§4.5)
      return operation === 'mfa'
        ? say('mfa_expired', 'The time to finish the second sign-in step ran out.', startOver)
        : say('session_expired', 'Your sign-in has expired.', 'Sign in again with your password.');
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
    case 'too_many_attempts': // §2 rows 4 and 5
      return tooManyAttempts(description, operation);
    case 'unauthorized': // §2 rows 3 and 15
      return /blocked/i.test(description)
        ? say('user_blocked', 'Your account has been blocked by an administrator.', 'Contact your IT team.')
        : say('access_denied', denied(description), askIt);
    case 'access_denied': // §2 rows 10, 14 and 16; RFC 6749 §4.1.2.1
      return accessDenied(description, status);
    case 'password_leaked': // §2 row 6
      return say(
        'password_leaked',
        'This password appeared in a data breach on another site, so the server blocked the sign-in.',
        'Change your password (look for the e-mail the server sent you), then sign in with the new one.',
      );
    case 'requires_verification': // §2 row 7
      return say(
        'requires_verification',
        'The server wants to check that you are not a robot, which this app cannot show.',
        'Wait a while and try again, or ask your IT team to review bot detection for this app.',
      );
    case 'interaction_required': // §2 row 17
    case 'login_required':
    case 'consent_required':
      return say(
        'interaction_required',
        'The server wants you to finish signing in in a web browser, which a password sign-in cannot do.',
        'Ask your IT team: a rule or action on the server redirects during sign-in.',
      );
    case 'unauthorized_client': // §2 rows 9 and 12
      return /invalid client/i.test(description)
        ? say(
            'unauthorized_client',
            'The server does not know this app’s client ID.',
            'Check the client ID in the server profile.',
          )
        : say(
            'unauthorized_client',
            'This app is not allowed to sign in this way on this server.',
            'Ask your administrator to enable this grant (and this realm) for the app.',
          );
    case 'invalid_client': // §2 row 11, RFC 6749 §5.2
      return checkClient;
    case 'invalid_request': // §2 row 18
      return /connection|realm/i.test(description)
        ? say('invalid_realm', 'That realm is not available for this app.', 'Pick another realm from the list.')
        : say('invalid_request', withReason('The server could not understand the request', description), askIt);
    case 'invalid_scope': // §2 row 19, RFC 6749 §5.2
      return say(
        'invalid_scope',
        withReason('The server refused the permissions (scope) this app asked for', description),
        'Check the scope in the server profile, or ask your IT team which scopes this app may request.',
      );
    case 'unsupported_grant_type': // §2 row 20
      return say(
        'unsupported_grant_type',
        'This server does not offer this way of signing in.',
        'Check the server profile’s kind (Auth0 or OAuth 2.0), or ask your IT team to enable the password grant.',
      );
    case 'too_many_requests': // §2 row 21
      return rateLimited;
    case 'server_error': // §2 row 13, RFC 6749 §4.1.2.1
      return /default connection/i.test(description)
        ? say(
            'server_error',
            'The server has no default directory, so it needs to be told which realm to use.',
            'Pick a realm, or ask your IT team to set the tenant’s default directory.',
          )
        : say('server_error', withReason('The sign-in server had a problem', description), tryLater);
    case 'temporarily_unavailable': // RFC 6749 §4.1.2.1
      return say('server_error', 'The sign-in server is temporarily unavailable.', tryLater);
    case 'endpoint_disabled':
    case 'method_not_allowed': // §2 row 22
      return say('invalid_request', 'The server does not offer this at that address.', checkAddress);
    case 'invalid_token': // RFC 6750 §3.1; on the MFA API the bearer is the mfa_token
      return operation === 'mfa' ? mfaTokenRefused : invalidToken;
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

const tryLater = 'Try again in a minute. If it keeps happening, tell your IT team.';
const checkAddress = 'Check the server address and endpoints in the server profile.';

function invalidGrant(description: string, operation: TokenOperation): Translation {
  if (operation === 'refresh') {
    return say('session_expired', 'Your saved sign-in is no longer valid.', 'Sign in again with your password.');
  }
  if (operation === 'mfa') return invalidMfaGrant(description);
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

function tooManyAttempts(description: string, operation: TokenOperation): Translation {
  if (operation === 'mfa') {
    return say('too_many_attempts', 'Too many wrong codes in a row.', 'Wait a few minutes, then try again.');
  }
  return /suspicious/i.test(description)
    ? say(
        'too_many_attempts',
        'Sign-ins from this network are blocked after many failed attempts.',
        'Ask IT to lift the block, or try again later.',
      )
    : say(
        'too_many_attempts',
        'Your account is locked after too many failed attempts.',
        'Ask IT to unblock it, or follow the unblock link the server sent you.',
      );
}

function accessDenied(description: string, status: number): Translation {
  if (status === 401 && description === 'Unauthorized') return checkClient;
  const audience = /^Service not enabled within domain: (.+)$/.exec(description)?.[1];
  if (audience !== undefined) {
    return say(
      'access_denied',
      `The server does not know the API “${audience}”.`,
      'Check the audience in the server profile.',
    );
  }
  return say('access_denied', denied(description), askIt);
}

/** A rule's or action's own words (§2 rows 15 and 16) are shown, since they were written for users. */
function denied(description: string): string {
  return description ? `The server refused the sign-in: ${description}` : 'The server refused the sign-in.';
}

function withReason(message: string, description: string): string {
  return description ? `${message}: ${description}` : `${message}.`;
}

/** Servers that answer with only a status (or an `error` we do not know) still get plain words. */
export function translateByStatus(status: number, operation: TokenOperation): Translation {
  if (status >= 300 && status < 400) {
    return say(
      'invalid_request',
      `The server answered with a redirect (HTTP ${status}), which Gatehouse does not follow for sign-in.`,
      'The server address may be out of date (http instead of https, or a moved tenant). Check the server profile.',
    );
  }
  if (status === 401 && operation === 'userinfo') return invalidToken;
  if (status === 401 && operation === 'mfa') return mfaTokenRefused;
  if (status === 401 || status === 403) {
    return say(
      'access_denied',
      `The server refused the request without saying why (HTTP ${status}).`,
      'Check your username and password, then the client ID and secret in the server profile.',
    );
  }
  if (status === 404 || status === 405) {
    return say('invalid_request', `Nothing answers this request at that address (HTTP ${status}).`, checkAddress);
  }
  if (status === 407) {
    return say(
      'network',
      'The proxy server wants a user name and password.',
      'Put them in the proxy URL in the server profile, or ask your IT team.',
    );
  }
  if (status === 408)
    return say(
      'timeout',
      'The server gave up waiting for the request (HTTP 408).',
      'Check your connection, then try again.',
    );
  if (status === 429) return rateLimited;
  if (status === 503) return say('server_error', 'The sign-in server is temporarily unavailable (HTTP 503).', tryLater);
  if (status >= 500) return say('server_error', `The sign-in server had a problem (HTTP ${status}).`, tryLater);
  return say(
    'invalid_request',
    `The server rejected the request (HTTP ${status}).`,
    'Contact your IT team with the details below.',
  );
}
