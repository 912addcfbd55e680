import { checkAddress, rateLimited, say, tryLater, type TokenOperation, type Translation } from './error-words';
import { mfaTokenRefused } from './mfa-error-codes';
import { invalidToken } from './oauth-error-codes';

/**
 * Servers, proxies and gateways that answer with only a status (or an `error` we do not know) still get
 * plain words. Failures below HTTP (TLS, DNS, refused connections) are main/auth/transport-errors.ts.
 */
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
