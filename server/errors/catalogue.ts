import { BODY_LIMIT_BYTES } from '../config';
import {
  AccessDeniedError,
  InvalidClientError,
  InsufficientScopeError,
  InvalidGrantError,
  InvalidRequestError,
  InvalidScopeError,
  InvalidTokenError,
  ServerError,
  TemporarilyUnavailableError,
  TooManyAttemptsError,
  TooManyRequestsError,
  UnauthorizedClientError,
  UnauthorizedError,
  UnsupportedGrantTypeError,
} from './oauth-errors';
import {
  AuthorizationPendingError,
  ExpiredTokenError,
  InteractionRequiredError,
  MfaRequiredError,
  SlowDownError,
  UnsupportedChallengeTypeError,
} from './oauth-errors';

/** Parameter names are echoed back, so keep what we echo short and printable. */
function printableName(name: string): string {
  const clean = name.replace(/[^\w:./-]/g, '?');
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}

/**
 * Every error the Authentication API answers with, by cause. Literals marked §2 are copied from
 * spec/auth0-wire.md §2 and must not change; the rest are our choices (server/README.md lists them).
 */
export const authErrors = {
  /** §2 row 18 (OAS sample wording). */
  missingParameter: (name: string) => new InvalidRequestError(`Missing required parameter: ${printableName(name)}`),
  /** RFC 6749 §3.2: "Request and response parameters MUST NOT be included more than once." Our wording. */
  repeatedParameter: (name: string) =>
    new InvalidRequestError(`Parameter must not be repeated: ${printableName(name)}`),
  /** Our wording: a JSON body gave a number, object or array where a string belongs. */
  parameterNotString: (name: string) => new InvalidRequestError(`Parameter must be a string: ${printableName(name)}`),
  /** Our wording: the body could not be parsed at all. The parser's own message is never echoed. */
  malformedBody: () =>
    new InvalidRequestError('Malformed request body; send application/x-www-form-urlencoded or application/json.'),
  /** Our wording; status 413 as design/security.md asks. */
  bodyTooLarge: () => new InvalidRequestError(`Request body exceeds ${BODY_LIMIT_BYTES} bytes.`, 413),
  /** RFC 6749 §2.3: one client authentication method per request. Our wording. */
  multipleClientAuthentication: () => new InvalidRequestError('Use only one client authentication method per request.'),
  /** Our wording: Basic credentials and a body client_id that disagree. */
  clientIdMismatch: () => new InvalidRequestError('client_id in the body does not match the Basic credentials.'),
  /** §2 row 20, status 400 as in the OAS (the legacy 501 is not used). */
  unsupportedGrantType: () => new UnsupportedGrantTypeError('Grant type not supported'),
  /** §2 row 9. */
  grantNotAllowed: (grantType: string) =>
    new UnauthorizedClientError(`Grant type '${printableName(grantType)}' not allowed for the client.`),
  /** §2 row 10: missing or wrong secret, and (our choice) unknown client_id, so client ids cannot be probed. */
  clientUnauthorized: () => new AccessDeniedError('Unauthorized', 401),
  /** §5.2 names `invalid_client` for /oauth/revoke; the description is our wording (RFC 6749 §5.2). */
  revokeClientUnauthorized: () => new InvalidClientError('Client authentication failed.'),
  /** §2 row 13. */
  noDefaultConnection: () => new ServerError('Authorization server not configured with default connection.'),
  /** §2 row 18 legacy text, kept literally. */
  connectionNotFound: () => new InvalidRequestError('the connection was not found'),
  /** The text Auth0 answers when a connection is not enabled for the application. */
  connectionNotEnabled: () => new InvalidRequestError('the connection is not enabled'),
  /** §2 row 14. */
  audienceNotFound: (audience: string) =>
    new AccessDeniedError(`Service not enabled within domain: ${printableName(audience)}`),
  /** §2 row 1: one answer for a wrong password and for an unknown user. */
  wrongCredentials: () => new InvalidGrantError('Wrong email or password.'),
  /** §2 row 3. */
  userBlocked: () => new UnauthorizedError('user is blocked'),
  /** §5.1: revoked, expired, reused or foreign refresh tokens all look alike. */
  invalidRefreshToken: () => new InvalidGrantError('Unknown or invalid refresh token.'),
  /** §2 row 19 (legacy literal): a JSON `scope` that is neither a string nor an array of strings. */
  scopeNotStringOrArray: () => new InvalidScopeError('Scope must be an array or a string'),
  /** RFC 6749 §6; our wording. */
  scopeWiderThanGranted: () => new InvalidScopeError('The requested scope exceeds the scope originally granted.'),
  /** RFC 6749 §4.1.2.1; our wording. */
  storageUnavailable: () => new TemporarilyUnavailableError('The service is temporarily unavailable. Try again later.'),
  /** §2 row 4, the classic text (the newer "notification via your preferred contact method" is equally valid). */
  bruteForceBlocked: () =>
    new TooManyAttemptsError(
      "Your account has been blocked after multiple consecutive login attempts. We've sent you an email with instructions on how to unblock it.",
    ),
  /** §2 row 5. */
  suspiciousIpThrottled: () =>
    new TooManyAttemptsError(
      'We have detected suspicious login behavior and further attempts will be blocked. Please contact the administrator.',
    ),
  /** RFC 6749 §5.2 `unauthorized_client`; our wording: client_credentials needs a client that proves itself. */
  clientCredentialsNeedSecret: () =>
    new UnauthorizedClientError('Grant type client_credentials needs a confidential client.'),
  /** Our wording (RFC 6749 §4.4): no audience parameter and no tenant default_audience. */
  noAudience: () =>
    new AccessDeniedError('No audience parameter was provided, and no default audience has been configured.'),
  /** Our wording: the client has no client grant for the API. */
  clientNotGranted: (audience: string) =>
    new AccessDeniedError(`Client is not authorized to access "${printableName(audience)}".`),
  /** Our wording: scopes the client grant does not include. */
  scopesNotGranted: (scopes: readonly string[]) =>
    new AccessDeniedError(`Client has not been granted scopes: ${scopes.slice(0, 20).map(printableName).join(' ')}`),
  /** RFC 6750 §3.1; our wording. */
  missingBearerToken: () => new InvalidTokenError('Missing or malformed bearer token.'),
  /** RFC 6750 §3.1; our wording. Expired, foreign, tampered and wrong-audience tokens look alike. */
  invalidBearerToken: () => new InvalidTokenError('The access token is invalid or has expired.'),
  /** RFC 6750 §3.1 / OIDC Core §5.3.1: /userinfo needs `openid`. Our wording. */
  userinfoNeedsOpenid: () => new InsufficientScopeError('The access token does not grant the openid scope.'),
  /** §2 row 21 names the code only; our wording. */
  userinfoRateLimited: () => new TooManyRequestsError('Too many userinfo requests for this user. Try again later.'),
} as const;

/**
 * MFA errors (issue #4, auth0-wire.md §4). Literals marked [S]/[D] are Auth0's; the rest are our wording,
 * listed in server/README.md.
 */
export const mfaErrors = {
  /** §2 row 8. */
  mfaRequired: (mfaToken: string, requirements: unknown) =>
    new MfaRequiredError('Multifactor authentication required', {
      mfa_token: mfaToken,
      mfa_requirements: requirements,
    }),
  /** §4.5 [S]: unknown, spent or foreign mfa_token. */
  malformedMfaToken: () => new InvalidGrantError('Malformed mfa_token'),
  /** §4.5 [S]. */
  expiredMfaToken: () => new ExpiredTokenError('mfa_token is expired'),
  /** §4.5 [S]. */
  invalidOtp: () => new InvalidGrantError('Invalid otp_code.'),
  /** Our wording, after the OTP text. */
  invalidBindingCode: () => new InvalidGrantError('Invalid binding_code.'),
  /** Our wording: unknown, spent, expired or foreign oob_code. */
  invalidOobCode: () => new InvalidGrantError('Invalid oob_code.'),
  /** Our wording, after the OTP text. */
  invalidRecoveryCode: () => new InvalidGrantError('Invalid recovery_code.'),
  /** §4.5 [D]. */
  authorizationPending: () =>
    new AuthorizationPendingError('Authorization pending: please repeat the request in a few seconds.'),
  /** §4.5 names `slow_down`; the text is ours. */
  slowDown: (intervalSeconds: number) =>
    new SlowDownError(`You are polling faster than allowed. Wait ${intervalSeconds} seconds between requests.`),
  /** Our wording; the bucket of §4.5 (10 attempts, 1 more every 6 minutes) is empty. */
  tooManyAttempts: () => new TooManyAttemptsError('Too many invalid MFA codes. Try again later.'),
  /** §4.3 names the code; the text is ours. */
  unsupportedChallengeType: () =>
    new UnsupportedChallengeTypeError('The user is not enrolled in an authenticator of the requested type.'),
  /** §4.4 [D] names this text; the JSON around it is ours. */
  alreadyEnrolled: () => new AccessDeniedError('User is already enrolled.'),
  /** Our wording: one mfa_token sent its 10 codes (see mfa/mfa-kit.ts). */
  tooManyMessages: () => new TooManyAttemptsError('Too many codes sent for this login. Sign in again.'),
  /** Our wording: the tenant turned this factor off. */
  factorDisabled: (factor: string) =>
    new InvalidRequestError(`The ${printableName(factor)} factor is not enabled for this tenant.`),
  /** Our wording. */
  authenticatorNotFound: () => new InvalidRequestError('Authenticator not found.', 404),
  /** Our wording: an MFA parameter that is absent or unusable (a bad phone number, an unknown type). */
  invalidParameter: (name: string) => new InvalidRequestError(`Missing or invalid parameter: ${printableName(name)}`),
  /** Our wording: a real sender replaced the local outbox, so there is nothing to read. */
  outboxNotInUse: () => new InvalidRequestError('The local outbox is not in use.', 404),
  /** RFC 6750 §3.1; our wording. */
  insufficientScope: (scope: string) =>
    new InsufficientScopeError(`The access token does not grant the ${printableName(scope)} scope.`),
} as const;

/** How a rule or action ends a login (issue #4, auth0-wire.md §2 rows 15–17, §6.2). */
export const scriptErrors = {
  /** §2 row 15: `callback(new UnauthorizedError(msg))`. */
  unauthorized: (message: string) => new UnauthorizedError(message),
  /** §2 row 16: `callback(new Error(msg))`, a throw, `api.access.deny(msg)`, or a sandbox limit. */
  denied: (message: string) => new AccessDeniedError(message),
  /** §2 row 17 names the code; the text and the 400 are ours. */
  redirectNotAllowed: () =>
    new InteractionRequiredError('A rule or action asked to redirect the user, which this grant cannot do.'),
} as const;
