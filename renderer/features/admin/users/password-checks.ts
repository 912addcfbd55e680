import type { JsonObject } from '../../../../common/admin/admin-common.schema';
import { readRealmForm, type PasswordPolicy } from '../realms/realm-options';

/** One rule of the realm's password policy and whether the typed password meets it. */
export interface PasswordCheck {
  readonly rule: string;
  readonly isMet: boolean;
}

/**
 * Auth0's strength levels as its documentation defines them (the server checks the same, in
 * server/management/password-policy.ts): a minimum length and which character kinds must appear.
 */
const levels: Record<
  PasswordPolicy,
  { minLength: number; kinds: number; lowerUpperDigit: boolean; noTriples: boolean }
> = {
  none: { minLength: 1, kinds: 0, lowerUpperDigit: false, noTriples: false },
  low: { minLength: 6, kinds: 0, lowerUpperDigit: false, noTriples: false },
  fair: { minLength: 8, kinds: 0, lowerUpperDigit: true, noTriples: false },
  good: { minLength: 8, kinds: 3, lowerUpperDigit: false, noTriples: false },
  excellent: { minLength: 10, kinds: 3, lowerUpperDigit: false, noTriples: true },
};

/** Personal details a password may not contain when the realm says so. */
export interface PersonalDetails {
  readonly email: string;
  readonly username: string;
}

/**
 * The realm's password rules as a checklist for `password`, met or not, as the admin types. The server stays
 * the judge (it also knows the history and its own list of common passwords); this shows what it will ask.
 */
export function passwordChecks(options: JsonObject, password: string, personal: PersonalDetails): PasswordCheck[] {
  const form = readRealmForm({ display_name: '', options, enabled_clients: [] });
  const level = levels[form.passwordPolicy];
  const minLength = form.minLength === '' ? level.minLength : form.minLength;
  const lower = /[a-z]/.test(password);
  const upper = /[A-Z]/.test(password);
  const digit = /[0-9]/.test(password);
  const special = /[^A-Za-z0-9]/.test(password);
  const checks: PasswordCheck[] = [
    { rule: `At least ${minLength} character${minLength === 1 ? '' : 's'}`, isMet: [...password].length >= minLength },
  ];
  if (level.lowerUpperDigit) {
    checks.push({ rule: 'Lower case, upper case and a digit', isMet: lower && upper && digit });
  }
  if (level.kinds > 0) {
    const kinds = [lower, upper, digit, special].filter(Boolean).length;
    checks.push({
      rule: `${level.kinds} of: lower case, upper case, digit, special character`,
      isMet: kinds >= level.kinds,
    });
  }
  if (level.noTriples) {
    checks.push({ rule: 'No character 3 times in a row', isMet: password !== '' && !/(.)\1\1/su.test(password) });
  }
  if (form.dictionaryEnabled) {
    const words = form.dictionaryWords.split('\n').map((word) => word.trim().toLowerCase());
    checks.push({
      rule: 'Not a common password or a word the realm refuses',
      isMet: password !== '' && !words.includes(password.toLowerCase()),
    });
  }
  if (form.noPersonalInfo) {
    const lowered = password.toLowerCase();
    const parts = [personal.email, personal.email.split('@')[0] ?? '', personal.username]
      .map((part) => part.trim().toLowerCase())
      .filter((part) => part.length >= 3);
    checks.push({
      rule: 'Does not contain the e-mail address or username',
      isMet: password !== '' && !parts.some((part) => lowered.includes(part)),
    });
  }
  return checks;
}

/** The server's refusal of a new password, in the words of the rule it broke (Auth0's `errorCode`s). */
export function passwordRefusalWords(errorCode: string | undefined): string | undefined {
  switch (errorCode) {
    case 'password_strength_error':
    case 'PasswordStrengthError':
      return 'The password is too weak for this realm: it breaks the realm’s length or character rules.';
    case 'password_dictionary_error':
      return 'The password is too common: this realm refuses it.';
    case 'password_no_user_info_error':
      return 'The password contains the user’s own details, which this realm refuses.';
    case 'password_history_error':
    case 'PasswordHistoryError':
      return 'The password was used recently, which this realm refuses.';
    default:
      return undefined;
  }
}
