import { describe, expect, it } from 'vitest';
import { passwordRules } from '../../../../server/management/connection-options';
import { checkPasswordStrength, isReusedPassword } from '../../../../server/management/password-policy';
import type { PasswordHasher } from '../../../../server/security/password-hasher';

const strength = (password: string, options: Record<string, unknown>, info = {}) =>
  checkPasswordStrength(password, passwordRules(options), info)?.errorCode;

describe('checkPasswordStrength (Auth0 levels)', () => {
  it.each([
    ['none', 'a', undefined],
    ['low', 'abcde', 'password_strength_error'],
    ['low', 'abcdef', undefined],
    ['fair', 'abcdefgh', 'password_strength_error'],
    ['fair', 'Abcdefg1', undefined],
    ['good', 'abcdefg1', 'password_strength_error'],
    ['good', 'abcdefg1!', undefined],
    ['excellent', 'Abcdefg1!', 'password_strength_error'],
    ['excellent', 'Abcdefgh1!', undefined],
    ['excellent', 'Abcdeeef1!', 'password_strength_error'],
  ])('%s: %j → %s', (policy, password, expected) => {
    expect(strength(password, { passwordPolicy: policy })).toBe(expected);
  });

  it('lets min_length override the level, and treats a missing policy as none', () => {
    expect(strength('Abcdefg1!', { passwordPolicy: 'good', password_complexity_options: { min_length: 12 } })).toBe(
      'password_strength_error',
    );
    expect(strength('x', {})).toBeUndefined();
    expect(strength('x'.repeat(1025), {})).toBe('password_strength_error');
  });

  it('refuses dictionary words and personal data only when enabled', () => {
    expect(strength('Password1', { password_dictionary: { enable: true } })).toBe('password_dictionary_error');
    expect(strength('house-of-cards', { password_dictionary: { enable: true, dictionary: ['House-Of-Cards'] } })).toBe(
      'password_dictionary_error',
    );
    expect(strength('Password1', { password_dictionary: { enable: false } })).toBeUndefined();
    const info = { email: 'jane.doe@example.com', name: 'Jane Doe' };
    expect(strength('my-jane.doe-pw', { password_no_personal_info: { enable: true } }, info)).toBe(
      'password_no_user_info_error',
    );
    expect(strength('my-jane.doe-pw', {}, info)).toBeUndefined();
  });

  it('reads history size with Auth0 default 5, and checks reuse against every hash given', async () => {
    expect(passwordRules({ password_history: { enable: true } }).historySize).toBe(5);
    expect(passwordRules({ password_history: { enable: false, size: 3 } }).historySize).toBe(0);
    const hasher: PasswordHasher = {
      hash: async (password) => `h:${password}`,
      verify: async (phc, password) => phc === `h:${password}`,
      needsRehash: () => false,
      dummyVerify: async () => undefined,
    };
    expect(await isReusedPassword(hasher, 'old', ['h:new', 'h:old'])).toBe(true);
    expect(await isReusedPassword(hasher, 'fresh', ['h:new', 'h:old'])).toBe(false);
  });
});
