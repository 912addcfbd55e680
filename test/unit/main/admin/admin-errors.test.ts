import { describe, expect, it } from 'vitest';
import { translateManagementError, unexpectedAnswer, type AdminOperation } from '../../../../main/admin/admin-errors';

const blockUser: AdminOperation = { action: 'block the user', resource: 'user', via: 'session' };
const body = (statusCode: number, error: string, message: string, errorCode?: string) =>
  JSON.stringify({ statusCode, error, message, ...(errorCode === undefined ? {} : { errorCode }) });
const now = () => Date.UTC(2030, 0, 1, 12, 0, 0);
const translate = (status: number, raw: string, headers: Record<string, string> = {}, operation = blockUser) =>
  translateManagementError(status, raw, headers, operation, now);

describe('translateManagementError', () => {
  it('names the missing permissions of a 403 insufficient_scope (the exact §7 text)', () => {
    const error = translate(
      403,
      body(
        403,
        'Forbidden',
        'Insufficient scope, expected any of: update:users,update:users_app_metadata',
        'insufficient_scope',
      ),
    );
    expect(error).toEqual({
      code: 'insufficient_scope',
      message:
        'Your admin access does not allow Gatehouse to block the user. It needs one of these permissions: update:users, update:users_app_metadata.',
      nextStep: 'Ask a tenant administrator to give your role that permission, then sign in to the admin pane again.',
      detail: {
        status: 403,
        error: 'insufficient_scope',
        errorDescription: 'Insufficient scope, expected any of: update:users,update:users_app_metadata',
      },
    });
  });

  it('tells an M2M client to get the grant, not a person to ask for a role', () => {
    const error = translate(
      403,
      body(403, 'Forbidden', 'Insufficient scope, expected any of: delete:users', 'insufficient_scope'),
      {},
      { ...blockUser, via: 'm2m' },
    );
    expect(error.nextStep).toMatch(/Grant the machine-to-machine client/);
  });

  it('keeps other 403s as access_denied with the server’s words', () => {
    const error = translate(
      403,
      body(403, 'Forbidden', 'System resource servers cannot be modified.', 'operation_not_supported'),
    );
    expect(error).toMatchObject({ code: 'access_denied', message: expect.stringContaining('System resource servers') });
  });

  it.each([
    ['session', /Sign in to the admin pane again/],
    ['m2m', /client’s ID and secret/],
  ] as const)('explains a 401 for %s credentials', (via, nextStep) => {
    const error = translate(
      401,
      body(401, 'Unauthorized', 'Invalid token', 'invalid_token'),
      {},
      { ...blockUser, via },
    );
    expect(error).toMatchObject({ code: 'invalid_token', nextStep: expect.stringMatching(nextStep) });
    expect(error.message).toMatch(/could not block the user/);
  });

  it('tells a missing resource from a missing endpoint (a Gatehouse extension on real Auth0)', () => {
    expect(translate(404, body(404, 'Not Found', 'The user does not exist.', 'inexistent_user'))).toMatchObject({
      code: 'not_found',
      message: 'The user does not exist (it may have been deleted).',
    });
    expect(translate(404, body(404, 'Not Found', 'Not Found', 'not_found'))).toMatchObject({
      code: 'not_found',
      message: 'This server has no Management API endpoint to block the user.',
      nextStep: expect.stringMatching(/reference-server extension/),
    });
  });

  it.each([
    ['rule_conflict', 'A rule with the same order already exists', /another rule name or order/],
    ['auth0_idp_error', 'The user already exists.', /another e-mail address/],
    ['connection_has_users', 'The connection still has 2 users; delete them first.', /users first/],
    ['action_bound', 'The action is bound to a trigger; unbind it or pass force=true.', /post-login trigger/],
    ['something_else', 'Clash.', /Change the clashing value/],
  ])('gives a 409 %s a next step of its own', (errorCode, message, nextStep) => {
    const error = translate(409, body(409, 'Conflict', message, errorCode));
    expect(error).toMatchObject({
      code: 'conflict',
      message: `Could not block the user: ${message}`,
      nextStep: expect.stringMatching(nextStep),
      detail: { status: 409, error: errorCode, errorDescription: message },
    });
  });

  it('shows the server’s validation message for a 400 and keeps its code', () => {
    const error = translate(
      400,
      body(400, 'Bad Request', 'PasswordStrengthError: Password is too weak', 'password_strength_error'),
    );
    expect(error).toMatchObject({
      code: 'invalid_request',
      message: 'The server refused to block the user: PasswordStrengthError: Password is too weak',
      detail: { error: 'password_strength_error' },
    });
  });

  it('reads Retry-After on a 429', () => {
    const error = translate(429, body(429, 'Too Many Requests', 'Global limit has been reached', 'too_many_requests'), {
      'retry-after': '7',
    });
    expect(error).toMatchObject({
      code: 'rate_limited',
      nextStep: 'Try again in 7 seconds.',
      detail: { status: 429, retryAfterSeconds: 7 },
    });
  });

  it('falls back to X-RateLimit-Reset (epoch seconds) on a 429 without Retry-After', () => {
    const reset = String(Math.floor(now() / 1000) + 42);
    const error = translate(429, body(429, 'Too Many Requests', 'Global limit has been reached'), {
      'x-ratelimit-reset': reset,
      'x-ratelimit-remaining': '0',
    });
    expect(error).toMatchObject({ code: 'rate_limited', detail: { retryAfterSeconds: 42 } });
  });

  it('does not read the rate-limit headers every answer carries as a request to wait', () => {
    const error = translate(409, body(409, 'Conflict', 'Clash.', 'rule_conflict'), {
      'x-ratelimit-reset': String(Math.floor(now() / 1000) + 5),
      'retry-after': '3',
    });
    expect(error.detail).not.toHaveProperty('retryAfterSeconds');
  });

  it.each([500, 502, 503])('calls a %i a server problem', (status) => {
    expect(translate(status, '')).toMatchObject({
      code: 'server_error',
      message: `The Management API had a problem (HTTP ${status}) and could not block the user.`,
      detail: { status },
    });
  });

  it('keeps a non-JSON body for support, with token-like values masked', () => {
    const error = translate(502, '<html>{"access_token":"abc.def.ghi"} bad gateway</html>');
    expect(error.detail?.body).toContain('bad gateway');
    expect(error.detail?.body).not.toContain('abc.def.ghi');
  });

  it('reads an OAuth-shaped body from a gateway in front of the API', () => {
    const error = translate(401, JSON.stringify({ error: 'invalid_token', error_description: 'expired' }));
    expect(error).toMatchObject({
      code: 'invalid_token',
      detail: { error: 'invalid_token', errorDescription: 'expired' },
    });
  });

  it('describes a success body that is not Auth0’s shape', () => {
    expect(unexpectedAnswer(200, 'unexpected content at users: expected array', blockUser)).toMatchObject({
      code: 'server_error',
      message: expect.stringMatching(/“block the user” was not usable: unexpected content at users/),
      detail: { status: 200 },
    });
  });
});
