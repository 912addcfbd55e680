import { describe, expect, it } from 'vitest';
import { passwordChecks, passwordRefusalWords } from '../../../../../renderer/features/admin/users/password-checks';

const personal = { email: 'carol@example.com', username: '' };
const unmet = (checks: ReturnType<typeof passwordChecks>) => checks.filter((check) => !check.isMet).map((c) => c.rule);

describe('password checklist', () => {
  it('uses the realm minimum over the level minimum', () => {
    const options = { passwordPolicy: 'good', password_complexity_options: { min_length: 14 } };
    expect(unmet(passwordChecks(options, 'Short-Pass1', personal))).toEqual(['At least 14 characters']);
    expect(unmet(passwordChecks(options, 'Much-Longer-Pass1', personal))).toEqual([]);
  });

  it('lists the level rules, the dictionary and personal details when the realm turns them on', () => {
    const options = {
      passwordPolicy: 'excellent',
      password_dictionary: { enable: true, dictionary: ['Gatehouse-Rocks-1'] },
      password_no_personal_info: { enable: true },
    };
    expect(unmet(passwordChecks(options, 'aaa', personal))).toEqual([
      'At least 10 characters',
      '3 of: lower case, upper case, digit, special character',
      'No character 3 times in a row',
    ]);
    expect(unmet(passwordChecks(options, 'gatehouse-rocks-1', personal))).toEqual([
      'Not a common password or a word the realm refuses',
    ]);
    expect(unmet(passwordChecks(options, 'Carol-Secret-42', personal))).toEqual([
      'Does not contain the e-mail address or username',
    ]);
  });

  it('asks only one character of a realm without a policy', () => {
    expect(passwordChecks({}, '', personal)).toEqual([{ rule: 'At least 1 character', isMet: false }]);
  });

  it('words the server’s password refusals', () => {
    expect(passwordRefusalWords('password_strength_error')).toMatch(/too weak/);
    expect(passwordRefusalWords('something_else')).toBeUndefined();
  });
});
