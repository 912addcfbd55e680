import { describe, expect, it } from 'vitest';
import { translateServerError } from '../../../../main/auth/error-translation';
import {
  errorBody as body,
  expectTranslated,
  type TranslationRow as Row,
} from '../../../support/error-translation-rows';

// RFC 6749 §5.2 and §4.1.2.1, RFC 6750 §3.1, RFC 7009 §2.2.1: generic servers, often with `error` only.
const rfcCodes: Row[] = [
  [
    'RFC 6749 invalid_grant, no description',
    400,
    body('invalid_grant'),
    'sign-in',
    'invalid_credentials',
    /password is wrong/,
  ],
  ['RFC 6749 invalid_grant on refresh', 400, body('invalid_grant'), 'refresh', 'session_expired', /no longer valid/],
  [
    'refresh for a deleted user',
    403,
    body('invalid_grant', "The refresh_token was generated for a user who doesn't exist anymore."),
    'refresh',
    'session_expired',
    /no longer valid/,
  ],
  [
    'Keycloak disabled account',
    400,
    body('invalid_grant', 'Account disabled'),
    'sign-in',
    'user_blocked',
    /Account disabled/,
  ],
  ['RFC 6749 invalid_client', 401, body('invalid_client'), 'refresh', 'unauthorized_client', /client credentials/],
  [
    'RFC 6749 invalid_request',
    400,
    body('invalid_request'),
    'sign-in',
    'invalid_request',
    /could not understand the request\./,
  ],
  [
    'RFC 6749 unauthorized_client',
    400,
    body('unauthorized_client'),
    'client-credentials',
    'unauthorized_client',
    /not allowed/,
  ],
  [
    'RFC 6749 unsupported_grant_type',
    400,
    body('unsupported_grant_type'),
    'sign-in',
    'unsupported_grant_type',
    /does not offer/,
  ],
  ['RFC 6749 invalid_scope', 400, body('invalid_scope'), 'sign-in', 'invalid_scope', /scope/],
  ['RFC 6749 access_denied', 403, body('access_denied'), 'sign-in', 'access_denied', /refused the sign-in\./],
  ['RFC 6749 server_error', 500, body('server_error'), 'sign-in', 'server_error', /had a problem\./],
  [
    'RFC 6749 temporarily_unavailable',
    503,
    body('temporarily_unavailable'),
    'sign-in',
    'server_error',
    /temporarily unavailable/,
  ],
  ['RFC 8628 expired_token outside MFA', 400, body('expired_token'), 'sign-in', 'session_expired', /expired/],
  ['OIDC login_required', 400, body('login_required'), 'sign-in', 'interaction_required', /web browser/],
  [
    'RFC 6750 invalid_token',
    401,
    body('invalid_token'),
    'userinfo',
    'invalid_token',
    /no longer accepts this access token/,
  ],
  ['RFC 6750 insufficient_scope', 403, body('insufficient_scope'), 'userinfo', 'access_denied', /lacks a permission/],
  [
    'RFC 7009 unsupported_token_type',
    400,
    body('unsupported_token_type'),
    'revoke',
    'invalid_request',
    /cannot revoke/,
  ],
  [
    'legacy code/description body',
    401,
    JSON.stringify({ code: 'invalid_user_password', description: 'Wrong email or password.' }),
    'sign-in',
    'invalid_credentials',
    /password is wrong/,
  ],
  ['unknown code falls back on the status', 418, body('teapot_error'), 'sign-in', 'invalid_request', /HTTP 418/],
];

// Servers that answer with a status and nothing else (or something that is not an OAuth error).
const statusOnly: Row[] = [
  ['empty 400', 400, '', 'sign-in', 'invalid_request', /HTTP 400/],
  ['empty 401', 401, '', 'sign-in', 'access_denied', /without saying why \(HTTP 401\)/],
  ['empty 401 from userinfo', 401, '', 'userinfo', 'invalid_token', /access token/],
  ['empty 403', 403, '', 'sign-in', 'access_denied', /HTTP 403/],
  ['empty 404', 404, '', 'sign-in', 'invalid_request', /Nothing answers .* \(HTTP 404\)/],
  ['proxy wants credentials', 407, '', 'sign-in', 'network', /proxy server wants a user name and password/],
  ['request timeout', 408, '', 'sign-in', 'timeout', /gave up waiting/],
  ['empty 429', 429, '', 'sign-in', 'rate_limited', /limiting how often/],
  ['empty 500', 500, '', 'sign-in', 'server_error', /HTTP 500/],
  ['HTML 502 from a gateway', 502, '<html><body>Bad gateway</body></html>', 'sign-in', 'server_error', /HTTP 502/],
  ['empty 503', 503, '', 'sign-in', 'server_error', /temporarily unavailable/],
  ['a redirect', 302, '', 'sign-in', 'invalid_request', /redirect/],
  [
    'JSON that is not an OAuth error',
    404,
    JSON.stringify({ error: { message: 'Realm does not exist' } }),
    'sign-in',
    'invalid_request',
    /HTTP 404/,
  ],
];

describe('translateServerError: RFC codes and bare statuses', () => {
  it.each([...rfcCodes, ...statusOnly])(
    '%s (HTTP %i) becomes a typed AppError',
    (_label, status, raw, operation, code, words) => expectTranslated(status, raw, operation, code, words),
  );

  it('keeps the raw error and description for support staff', () => {
    const error = translateServerError(403, body('invalid_grant', 'Wrong email or password.'), 'sign-in');
    expect(error.detail).toEqual({ status: 403, error: 'invalid_grant', errorDescription: 'Wrong email or password.' });
  });

  it('never copies an mfa_token into the AppError, which may cross IPC', () => {
    const error = translateServerError(
      403,
      body('mfa_required', 'Multifactor authentication required', { mfa_token: 'Fe26.canary' }),
      'sign-in',
    );
    expect(JSON.stringify(error)).not.toContain('Fe26.canary');
  });

  it('keeps the start of a non-OAuth body, with token-like values masked', () => {
    const error = translateServerError(502, '{"message":"upstream", "access_token":"canary-at"} <html>', 'refresh');
    expect(error.detail?.body).toContain('upstream');
    expect(error.detail?.body).not.toContain('canary-at');
  });

  it('reads the reason from a WWW-Authenticate challenge when the body is empty (RFC 6750 §3)', () => {
    const error = translateServerError(401, '', 'userinfo', {
      'www-authenticate': 'Bearer realm="x", error="invalid_token", error_description="The access token expired"',
    });
    expect(error).toMatchObject({
      code: 'invalid_token',
      detail: { error: 'invalid_token', errorDescription: 'The access token expired' },
    });
  });

  it('reports how long the server asked us to wait (Retry-After)', () => {
    expect(translateServerError(429, '', 'sign-in', { 'retry-after': '30' }).detail?.retryAfterSeconds).toBe(30);
  });

  it('does not let a 401 refresh with an empty body end the session (it may be the client, not the token)', () => {
    expect(translateServerError(401, '', 'refresh').code).not.toBe('session_expired');
  });
});
