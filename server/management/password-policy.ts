import type { PasswordHasher } from '../security/password-hasher';
import { MAX_PASSWORD_BYTES } from '../security/password-login';
import type { PasswordRules } from './connection-options';
import type { ManagementError } from './errors';
import { mgmtErrors } from './errors';

/**
 * Auth0's password strength levels (auth0-wire.md §7.2 `passwordPolicy`), as its documentation defines
 * them: a minimum length, and how many of the four character classes (lower, upper, digit, special)
 * must appear. `excellent` also forbids more than two identical characters in a row.
 */
const levels = {
  none: { minLength: 1, classes: 0, allOfLowerUpperDigit: false, noTriples: false },
  low: { minLength: 6, classes: 0, allOfLowerUpperDigit: false, noTriples: false },
  fair: { minLength: 8, classes: 0, allOfLowerUpperDigit: true, noTriples: false },
  good: { minLength: 8, classes: 3, allOfLowerUpperDigit: false, noTriples: false },
  excellent: { minLength: 10, classes: 3, allOfLowerUpperDigit: false, noTriples: true },
} as const;

/**
 * Used when a connection turns the dictionary check on without its own list. Auth0 ships a 10,000-word
 * list; this short one stands in for it (server/README.md).
 */
const commonPasswords = [
  'password',
  'password1',
  'password123',
  'passw0rd',
  '123456',
  '12345678',
  '123456789',
  'qwerty',
  'qwerty123',
  'letmein',
  'welcome',
  'iloveyou',
  'admin',
  'abc123',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'sunshine',
  'trustno1',
];

/** What a password may not contain when `password_no_personal_info` is on. */
export interface PersonalInfo {
  readonly email?: string | null;
  readonly username?: string | null;
  readonly name?: string | null;
  readonly nickname?: string | null;
  readonly givenName?: string | null;
  readonly familyName?: string | null;
}

function classCount(password: string): { count: number; lower: boolean; upper: boolean; digit: boolean } {
  const lower = /[a-z]/.test(password);
  const upper = /[A-Z]/.test(password);
  const digit = /[0-9]/.test(password);
  const special = /[^A-Za-z0-9]/.test(password);
  return { count: [lower, upper, digit, special].filter(Boolean).length, lower, upper, digit };
}

function personalParts(info: PersonalInfo): string[] {
  const email = info.email ?? '';
  const local = email.includes('@') ? email.slice(0, email.indexOf('@')) : '';
  return [email, local, info.username, info.name, info.nickname, info.givenName, info.familyName]
    .filter((part): part is string => typeof part === 'string' && part.trim().length >= 3)
    .map((part) => part.toLowerCase());
}

/**
 * Checks a new password against the connection's rules, except history (which needs hashing, see
 * `isReusedPassword`). Returns the error to answer with, or undefined when the password is acceptable.
 */
export function checkPasswordStrength(
  password: string,
  rules: PasswordRules,
  info: PersonalInfo,
): ManagementError | undefined {
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
    return mgmtErrors.badRequest('password_strength_error', 'PasswordStrengthError: Password is too long');
  }
  const level = levels[rules.policy];
  const classes = classCount(password);
  const weak =
    [...password].length < (rules.minLength ?? level.minLength) ||
    classes.count < level.classes ||
    (level.allOfLowerUpperDigit && !(classes.lower && classes.upper && classes.digit)) ||
    (level.noTriples && /(.)\1\1/su.test(password));
  if (weak) return mgmtErrors.badRequest('password_strength_error', 'PasswordStrengthError: Password is too weak');

  if (rules.dictionary !== undefined) {
    const words = [...commonPasswords, ...rules.dictionary].map((word) => word.toLowerCase());
    if (words.includes(password.toLowerCase())) {
      return mgmtErrors.badRequest('password_dictionary_error', 'PasswordDictionaryError: Password is too common');
    }
  }
  if (rules.noPersonalInfo) {
    const lowered = password.toLowerCase();
    if (personalParts(info).some((part) => lowered.includes(part))) {
      return mgmtErrors.badRequest(
        'password_no_user_info_error',
        'PasswordNoUserInfoError: Password contains user information',
      );
    }
  }
  return undefined;
}

/** `password_history`: whether `password` matches any of the hashes (current first, then previous). */
export async function isReusedPassword(
  hasher: PasswordHasher,
  password: string,
  hashes: readonly string[],
): Promise<boolean> {
  for (const hash of hashes) {
    if (await hasher.verify(hash, password).catch(() => false)) return true;
  }
  return false;
}

/** The error for a reused password. */
export function passwordReusedError(): ManagementError {
  return mgmtErrors.badRequest('password_history_error', 'PasswordHistoryError: Password has previously been used');
}
