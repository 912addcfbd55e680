import { describe, expect, it } from 'vitest';
import { createLogger, redactFields, redactText } from '../../../../main/logging/logger';

const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhdXRoMHwxMjMifQ.c2lnbmF0dXJlLWJ5dGVz';
const refreshToken = 'v1.MRrT0kDkRQ2vXo8nq3Ch8sLk1yVb2T9Jw';

describe('logger redaction', () => {
  it.each([
    'refreshToken',
    'refresh_token',
    'password',
    'clientSecret',
    'Authorization',
    'mfa_token',
    'otp',
    'recovery_code',
  ])('masks a field named %s', (name) => {
    expect(redactFields({ [name]: 'canary-value' })).toEqual({ [name]: '[redacted]' });
  });

  it('masks JWTs, refresh tokens and credentials in free text', () => {
    const text = redactText(
      `got ${jwt} and ${refreshToken} with Bearer abcdefghijkl and Basic Z2F0ZWhvdXNlOnNlY3JldA==`,
    );
    expect(text).not.toContain(jwt);
    expect(text).not.toContain(refreshToken);
    expect(text).not.toContain('abcdefghijkl');
    expect(text).not.toContain('Z2F0ZWhvdXNlOnNlY3JldA==');
  });

  it('masks nested values and keeps the rest', () => {
    expect(redactFields({ request: { headers: { authorization: 'x' }, status: 403 }, note: jwt })).toEqual({
      request: { headers: { authorization: '[redacted]' }, status: 403 },
      note: '[jwt]',
    });
  });

  it('writes one JSON line per event', () => {
    const lines: string[] = [];
    createLogger('test', (line) => lines.push(line)).warn('refresh failed', {
      accountId: 'demo/employees/alice',
      refreshToken,
    });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'warn',
      scope: 'test',
      accountId: 'demo/employees/alice',
      refreshToken: '[redacted]',
    });
  });
});
