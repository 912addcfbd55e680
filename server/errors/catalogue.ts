import { BODY_LIMIT_BYTES } from '../config';
import {
  AccessDeniedError,
  InvalidClientError,
  InvalidGrantError,
  InvalidRequestError,
  InvalidScopeError,
  ServerError,
  TemporarilyUnavailableError,
  UnauthorizedClientError,
  UnauthorizedError,
  UnsupportedGrantTypeError,
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
  /** RFC 6749 §6; our wording. */
  scopeWiderThanGranted: () => new InvalidScopeError('The requested scope exceeds the scope originally granted.'),
  /** RFC 6749 §4.1.2.1; our wording. */
  storageUnavailable: () => new TemporarilyUnavailableError('The service is temporarily unavailable. Try again later.'),
} as const;
