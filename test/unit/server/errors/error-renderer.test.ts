import { describe, expect, it } from 'vitest';
import { authErrors } from '../../../../server/errors/catalogue';
import { renderError } from '../../../../server/errors/error-renderer';
import { OAuthError } from '../../../../server/errors/oauth-errors';

describe('renderError', () => {
  it('renders an OAuth error class as its status, code and description', () => {
    expect(renderError(authErrors.wrongCredentials())).toEqual({
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Wrong email or password.' },
      isUnexpected: false,
    });
    expect(renderError(authErrors.userBlocked())).toMatchObject({
      status: 401,
      body: { error: 'unauthorized', error_description: 'user is blocked' },
    });
    expect(renderError(authErrors.grantNotAllowed('password')).body).toEqual({
      error: 'unauthorized_client',
      error_description: "Grant type 'password' not allowed for the client.",
    });
  });

  it('keeps extra body keys such as mfa_token', () => {
    class MfaRequiredError extends OAuthError {
      readonly error = 'mfa_required';
      constructor() {
        super(403, 'Multifactor authentication required', { mfa_token: 'abc' });
      }
    }
    expect(renderError(new MfaRequiredError())).toEqual({
      status: 403,
      body: { mfa_token: 'abc', error: 'mfa_required', error_description: 'Multifactor authentication required' },
      isUnexpected: false,
    });
  });

  it("turns Fastify's body-limit error into 413 invalid_request", () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      statusCode: 413,
    });
    expect(renderError(tooLarge)).toEqual({
      status: 413,
      body: { error: 'invalid_request', error_description: 'Request body exceeds 65536 bytes.' },
      isUnexpected: false,
    });
  });

  it("keeps the status of Fastify's other client errors without echoing their message", () => {
    const error = Object.assign(new Error('Unsupported Media Type: text/evil'), {
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
      statusCode: 415,
    });
    const rendered = renderError(error);
    expect(rendered.status).toBe(415);
    expect(rendered.body.error).toBe('invalid_request');
    expect(rendered.body.error_description).not.toContain('evil');
  });

  it('answers 503 temporarily_unavailable when SQLite is busy, full or corrupt, and flags it', () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_FULL', 'SQLITE_CORRUPT', 'SQLITE_IOERR_WRITE']) {
      const rendered = renderError(Object.assign(new Error('database is locked'), { code }));
      expect(rendered).toMatchObject({ status: 503, body: { error: 'temporarily_unavailable' }, isUnexpected: true });
    }
  });

  it('hides anything unexpected behind a generic server_error, flagged for logging', () => {
    const bug = new Error('SqliteError: no such column: pasword_hash in SELECT * FROM users');
    const rendered = renderError(bug);

    expect(rendered).toEqual({
      status: 500,
      body: { error: 'server_error', error_description: 'Internal server error.' },
      isUnexpected: true,
    });
    expect(JSON.stringify(rendered.body)).not.toMatch(/SELECT|column|stack/);
    expect(renderError('a thrown string').status).toBe(500);
    expect(renderError(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_UNIQUE' })).status).toBe(500);
  });
});
