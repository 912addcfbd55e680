import { AxiosError } from 'axios';
import { describe, expect, it } from 'vitest';
import { translateServerError, translateTransportError } from '../../../../main/auth/error-translation';

const body = (error: string, description?: string) =>
  JSON.stringify(description === undefined ? { error } : { error, error_description: description });

describe('translateServerError (spec/auth0-wire.md §2)', () => {
  it.each([
    [403, body('invalid_grant', 'Wrong email or password.'), 'sign-in', 'invalid_credentials'],
    [403, body('invalid_grant', 'Unknown or invalid refresh token.'), 'refresh', 'session_expired'],
    [401, body('unauthorized', 'user is blocked'), 'sign-in', 'user_blocked'],
    [
      429,
      body('too_many_attempts', 'Your account has been blocked after multiple consecutive login attempts.'),
      'sign-in',
      'too_many_attempts',
    ],
    [403, body('mfa_required', 'Multifactor authentication required'), 'sign-in', 'mfa_required'],
    [
      403,
      body('unauthorized_client', "Grant type 'password' not allowed for the client."),
      'sign-in',
      'unauthorized_client',
    ],
    [401, body('access_denied', 'Unauthorized'), 'sign-in', 'unauthorized_client'],
    [401, body('invalid_client'), 'sign-in', 'unauthorized_client'],
    [403, body('access_denied', 'Service not enabled within domain: https://nope/'), 'sign-in', 'access_denied'],
    [400, body('invalid_request', 'the connection was not found'), 'sign-in', 'invalid_realm'],
    [400, body('invalid_request', 'Missing required parameter: username'), 'sign-in', 'invalid_request'],
    [429, body('too_many_requests'), 'sign-in', 'too_many_attempts'],
    [
      500,
      body('server_error', 'Authorization server not configured with default connection.'),
      'sign-in',
      'server_error',
    ],
    [502, '', 'sign-in', 'server_error'],
    [401, '', 'sign-in', 'access_denied'],
    [400, '<html>bad</html>', 'sign-in', 'invalid_request'],
  ] as const)('HTTP %i %s (%s) becomes %s', (status, raw, operation, code) => {
    const error = translateServerError(status, raw, operation);
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.nextStep).toBeTruthy();
    expect(error.detail?.status).toBe(status);
  });

  it('keeps the raw error and description for support staff', () => {
    const error = translateServerError(403, body('invalid_grant', 'Wrong email or password.'), 'sign-in');
    expect(error.detail).toEqual({ status: 403, error: 'invalid_grant', errorDescription: 'Wrong email or password.' });
  });

  it('tells suspicious-IP throttling apart from an account lock', () => {
    const throttled = translateServerError(
      429,
      body('too_many_attempts', 'We have detected suspicious login behavior and further attempts will be blocked.'),
      'sign-in',
    );
    expect(throttled.message).toMatch(/network/);
  });

  it("shows a rule's deny message in the user's words", () => {
    const error = translateServerError(
      403,
      body('access_denied', 'Contractors may not sign in on weekends'),
      'sign-in',
    );
    expect(error.message).toContain('Contractors may not sign in on weekends');
  });
});

describe('translateTransportError', () => {
  const url = 'https://login.example.com/oauth/token';
  it.each([
    ['ECONNREFUSED', 'network'],
    ['ENOTFOUND', 'network'],
    ['ECONNABORTED', 'timeout'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
  ])('%s becomes %s and names the host', (code, expected) => {
    const error = translateTransportError(new AxiosError('boom', code), url);
    expect(error.code).toBe(expected);
    expect(error.message).toContain('login.example.com');
  });

  it('names the TLS cause in plain words', () => {
    expect(translateTransportError(new AxiosError('x', 'CERT_HAS_EXPIRED'), url).message).toMatch(/expired/);
  });
});
