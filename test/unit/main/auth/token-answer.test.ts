import { describe, expect, it } from 'vitest';
import type { RawAnswer } from '../../../../main/auth/oauth-transport';
import { readTokenAnswer } from '../../../../main/auth/token-answer';

const at = 1_700_000_000_000;
const raw = (status: number, body: unknown, headers: Record<string, string> = {}): RawAnswer => ({
  status,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  headers,
  sentAt: at,
  receivedAt: at,
});
/** An unsigned JWT: only its time claims are read, as a clock hint. */
const jwt = (claims: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

describe('readTokenAnswer (RFC 6749 §5.1, as real servers bend it)', () => {
  it('reads a token response into camelCase, with expiry from our clock', () => {
    const answer = readTokenAnswer(
      raw(200, { access_token: 'a', token_type: 'Bearer', expires_in: 600, refresh_token: 'r', scope: 's' }),
      'sign-in',
    );
    expect(answer).toEqual({
      ok: true,
      tokens: { accessToken: 'a', tokenType: 'Bearer', expiresAt: at + 600_000, refreshToken: 'r', scope: 's' },
    });
  });

  it('accepts `bearer` in lower case and `expires_in` as a numeric string', () => {
    const answer = readTokenAnswer(raw(200, { access_token: 'a', token_type: 'bearer', expires_in: '300' }), 'refresh');
    expect(answer.ok && answer.tokens).toMatchObject({ tokenType: 'bearer', expiresAt: at + 300_000 });
  });

  it('refuses a token type it cannot use (DPoP, MAC)', () => {
    expect(readTokenAnswer(raw(200, { access_token: 'a', token_type: 'DPoP' }), 'sign-in')).toMatchObject({
      ok: false,
      error: { code: 'server_error', message: expect.stringMatching(/only Bearer/) },
    });
  });

  it('refuses a 200 that is not a token response (an HTML login page)', () => {
    expect(readTokenAnswer(raw(200, '<html>Sign in</html>'), 'sign-in')).toMatchObject({
      ok: false,
      error: { code: 'server_error', message: expect.stringMatching(/not JSON/) },
    });
  });

  it('treats an error body sent with HTTP 200 (legacy Auth0) as the error it is', () => {
    expect(readTokenAnswer(raw(200, { error: 'authorization_pending' }), 'mfa')).toMatchObject({
      ok: false,
      error: { code: 'mfa_pending' },
    });
  });

  it('keeps the new recovery code apart from the tokens', () => {
    const answer = readTokenAnswer(raw(200, { access_token: 'a', token_type: 'Bearer', recovery_code: 'NEW' }), 'mfa');
    expect(answer).toMatchObject({ ok: true, recoveryCode: 'NEW' });
    expect(answer.ok && 'recoveryCode' in answer.tokens).toBe(false);
  });

  it('hands the mfa_token to main beside the error, never inside it', () => {
    const answer = readTokenAnswer(raw(403, { error: 'mfa_required', mfa_token: 'Fe26.x' }), 'sign-in');
    expect(answer).toMatchObject({ ok: false, error: { code: 'mfa_required' }, answer: { mfaToken: 'Fe26.x' } });
    expect(JSON.stringify(!answer.ok && answer.error)).not.toContain('Fe26.x');
  });

  it('flags clock skew from the Date header, and from a fresh token’s iat without one', () => {
    const fromDate = readTokenAnswer(
      raw(200, { access_token: 'a', token_type: 'Bearer' }, { date: new Date(at + 30 * 60_000).toUTCString() }),
      'sign-in',
    );
    expect(fromDate.ok && fromDate.tokens.clockSkew?.message).toBe(
      'This computer’s clock is 30 minutes behind the server’s.',
    );
    const fromIat = readTokenAnswer(
      raw(200, { access_token: jwt({ iat: at / 1000 - 7200 }), token_type: 'Bearer' }),
      'sign-in',
    );
    expect(fromIat.ok && fromIat.tokens.clockSkew?.message).toMatch(/2 hours behind this computer’s clock/);
    const fine = readTokenAnswer(
      raw(200, { access_token: jwt({ iat: at / 1000 }), token_type: 'Bearer' }, { date: new Date(at).toUTCString() }),
      'sign-in',
    );
    expect(fine.ok && fine.tokens.clockSkew).toBeUndefined();
  });
});
