import {
  askIt,
  checkAddress,
  checkClient,
  rateLimited,
  say,
  tryLater,
  withReason,
  type Translation,
} from './error-words';
import { invalidSignInGrant } from './oauth-error-codes';

/**
 * Auth0's own rows of its error catalogue (spec/auth0-wire.md §2), many of which share an `error` code and
 * are told apart by their description or HTTP status. Undefined for a code that is not one of these.
 */
export function translateAuth0Code(
  error: string | undefined,
  description: string,
  status: number,
): Translation | undefined {
  switch (error) {
    case 'invalid_user_password': // §2 row 2 (legacy endpoints)
      return invalidSignInGrant(description);
    case 'too_many_attempts': // §2 rows 4 and 5
      return tooManyAttempts(description);
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
    case 'invalid_request': // §2 row 18
      return /connection|realm/i.test(description)
        ? say('invalid_realm', 'That realm is not available for this app.', 'Pick another realm from the list.')
        : say('invalid_request', withReason('The server could not understand the request', description), askIt);
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
    case 'endpoint_disabled':
    case 'method_not_allowed': // §2 row 22
      return say('invalid_request', 'The server does not offer this at that address.', checkAddress);
    default:
      return undefined;
  }
}

/** §2 rows 4 and 5: a brute-force block on the account, or on the network it signs in from. */
function tooManyAttempts(description: string): Translation {
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
  // A bare 401 "Unauthorized" is how Auth0 refuses the client's own credentials.
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
