import { describe, expect, it } from 'vitest';
import {
  mergeRealmOptions,
  readRealmForm,
  RealmForm,
  type RealmSettings,
} from '../../../../../renderer/features/admin/realms/realm-options';

/** Options as a real tenant holds them: fields the form knows, and many it does not. */
const read: RealmSettings = {
  display_name: 'Employees',
  enabled_clients: ['client-a'],
  options: {
    passwordPolicy: 'fair',
    password_complexity_options: { min_length: 8, future_flag: 'kept' },
    password_history: { enable: true, size: 3 },
    password_dictionary: { enable: false, dictionary: ['acme'] },
    brute_force_protection: true,
    mfa: { active: true, return_enroll_settings: true },
    validation: { username: { min: 3, max: 15 }, other: { x: 1 } },
    customScripts: { login: 'function login() {}' },
    attributes: { email: { identifier: { active: true } } },
    configuration: { SECRET: 'encrypted-value' },
    strategy_version: 2,
  },
};

describe('realm options form', () => {
  it('writes back exactly what it read when nothing changed', () => {
    expect(mergeRealmOptions(read, readRealmForm(read))).toEqual(read);
  });

  it('changes only the edited field and keeps every option it does not know', () => {
    const form = { ...readRealmForm(read), minLength: 12 as const, usernameMax: 20 as const };
    const merged = mergeRealmOptions(read, form);
    expect(merged.options).toEqual({
      ...read.options,
      password_complexity_options: { min_length: 12, future_flag: 'kept' },
      validation: { username: { min: 3, max: 20 }, other: { x: 1 } },
    });
    // The input is not mutated: a second merge from the same read starts clean.
    expect(read.options['password_complexity_options']).toEqual({ min_length: 8, future_flag: 'kept' });
  });

  it('adds options absent from the read one and clears a length set back to empty', () => {
    const bare: RealmSettings = { display_name: '', enabled_clients: [], options: { customScripts: { a: '1' } } };
    const form = {
      ...readRealmForm(bare),
      dictionaryEnabled: true,
      dictionaryWords: 'acme\n  gatehouse \n',
      disableSignup: true,
    };
    expect(mergeRealmOptions(bare, form).options).toEqual({
      customScripts: { a: '1' },
      password_dictionary: { enable: true, dictionary: ['acme', 'gatehouse'] },
      disable_signup: true,
    });
    const cleared = mergeRealmOptions(read, { ...readRealmForm(read), minLength: '' });
    expect(cleared.options['password_complexity_options']).toEqual({ future_flag: 'kept' });
  });

  it('reads Auth0 defaults for absent options', () => {
    const form = readRealmForm({ display_name: '', enabled_clients: [], options: {} });
    expect(form).toMatchObject({ passwordPolicy: 'none', minLength: '', bruteForceProtection: true, mfaActive: false });
  });

  it('refuses a username minimum above its maximum', () => {
    const form = { ...readRealmForm(read), usernameMin: 20 as const, usernameMax: 5 as const };
    expect(RealmForm.safeParse(form).success).toBe(false);
  });
});
