import { z } from 'zod';
import type { JsonObject } from '../../../../common/admin/admin-common.schema';

export const PasswordPolicy = z.enum(['none', 'low', 'fair', 'good', 'excellent']);
export type PasswordPolicy = z.infer<typeof PasswordPolicy>;

/** A length field: empty means "not set" (the policy level decides). */
const Length = z.union([z.literal(''), z.number().int().min(1).max(128)]);

/**
 * What the realm form edits: the database options an admin changes day to day, in flat fields. Everything else
 * in `options` (custom scripts, attributes, configuration…) is not in here and is kept as read by `mergeRealmOptions`.
 */
export const RealmForm = z
  .object({
    displayName: z.string().max(128),
    passwordPolicy: PasswordPolicy,
    minLength: Length,
    historyEnabled: z.boolean(),
    historySize: z.number().int().min(0).max(24),
    dictionaryEnabled: z.boolean(),
    /** One word per line; at most 200 words of at most 50 characters (Auth0's limits). */
    dictionaryWords: z
      .string()
      .refine((text) => words(text).length <= 200, 'At most 200 words')
      .refine((text) => words(text).every((word) => word.length <= 50), 'A word may have at most 50 characters'),
    noPersonalInfo: z.boolean(),
    bruteForceProtection: z.boolean(),
    mfaActive: z.boolean(),
    mfaReturnEnrollSettings: z.boolean(),
    requiresUsername: z.boolean(),
    usernameMin: Length,
    usernameMax: Length,
    disableSignup: z.boolean(),
    enabledClients: z.array(z.string().min(1).max(64)),
  })
  .refine((form) => form.usernameMin === '' || form.usernameMax === '' || form.usernameMin <= form.usernameMax, {
    message: 'The shortest allowed username cannot be longer than the longest',
    path: ['usernameMax'],
  });
export type RealmForm = z.infer<typeof RealmForm>;

/** What a staged realm change reads and writes: the connection's editable fields, `options` whole. */
export const RealmSettings = z.object({
  display_name: z.string(),
  options: z.record(z.string(), z.json()),
  enabled_clients: z.array(z.string()),
});
export type RealmSettings = z.infer<typeof RealmSettings>;

export function words(text: string): string[] {
  return text
    .split('\n')
    .map((word) => word.trim())
    .filter((word) => word !== '');
}

const objectAt = (options: JsonObject, key: string): JsonObject => {
  const value = options[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
};
const numberOr = <T>(value: unknown, fallback: T): number | T => (typeof value === 'number' ? value : fallback);

/** Reads the form's fields from a realm's stored settings; anything absent reads as Auth0's default. */
export function readRealmForm(settings: RealmSettings): RealmForm {
  const o = settings.options;
  const policy = PasswordPolicy.safeParse(o['passwordPolicy']);
  const history = objectAt(o, 'password_history');
  const dictionary = objectAt(o, 'password_dictionary');
  const mfa = objectAt(o, 'mfa');
  const username = objectAt(objectAt(o, 'validation'), 'username');
  const dictionaryList = Array.isArray(dictionary['dictionary']) ? dictionary['dictionary'] : [];
  return {
    displayName: settings.display_name,
    passwordPolicy: policy.success ? policy.data : 'none',
    minLength: numberOr(objectAt(o, 'password_complexity_options')['min_length'], ''),
    historyEnabled: history['enable'] === true,
    historySize: numberOr(history['size'], 5),
    dictionaryEnabled: dictionary['enable'] === true,
    dictionaryWords: dictionaryList.filter((word) => typeof word === 'string').join('\n'),
    noPersonalInfo: objectAt(o, 'password_no_personal_info')['enable'] === true,
    // Auth0 protects database connections unless told not to.
    bruteForceProtection: o['brute_force_protection'] !== false,
    mfaActive: mfa['active'] === true,
    mfaReturnEnrollSettings: mfa['return_enroll_settings'] === true,
    requiresUsername: o['requires_username'] === true,
    usernameMin: numberOr(username['min'], ''),
    usernameMax: numberOr(username['max'], ''),
    disableSignup: o['disable_signup'] === true,
    enabledClients: [...settings.enabled_clients],
  };
}

type Change = (options: Record<string, JsonObject[string]>) => void;

/** Sets `key` inside the nested object `parent`, keeping that object's other keys. */
const nested =
  (parent: string, key: string, value: JsonObject[string] | undefined): Change =>
  (options) => {
    const rest = Object.fromEntries(Object.entries(objectAt(options, parent)).filter(([name]) => name !== key));
    options[parent] = value === undefined ? rest : { ...rest, [key]: value };
  };

const lengthValue = (value: number | ''): number | undefined => (value === '' ? undefined : value);

/** For each form field: how a new value of it is written into `options`. */
const writers: { [K in keyof RealmForm]?: (form: RealmForm) => Change } = {
  passwordPolicy: (form) => (options) => {
    options['passwordPolicy'] = form.passwordPolicy;
  },
  minLength: (form) => nested('password_complexity_options', 'min_length', lengthValue(form.minLength)),
  historyEnabled: (form) => nested('password_history', 'enable', form.historyEnabled),
  historySize: (form) => nested('password_history', 'size', form.historySize),
  dictionaryEnabled: (form) => nested('password_dictionary', 'enable', form.dictionaryEnabled),
  dictionaryWords: (form) => nested('password_dictionary', 'dictionary', words(form.dictionaryWords)),
  noPersonalInfo: (form) => nested('password_no_personal_info', 'enable', form.noPersonalInfo),
  bruteForceProtection: (form) => (options) => {
    options['brute_force_protection'] = form.bruteForceProtection;
  },
  mfaActive: (form) => nested('mfa', 'active', form.mfaActive),
  mfaReturnEnrollSettings: (form) => nested('mfa', 'return_enroll_settings', form.mfaReturnEnrollSettings),
  requiresUsername: (form) => (options) => {
    options['requires_username'] = form.requiresUsername;
  },
  usernameMin: (form) => (options) => {
    const validation = { ...objectAt(options, 'validation') };
    nested('username', 'min', lengthValue(form.usernameMin))(validation);
    options['validation'] = validation;
  },
  usernameMax: (form) => (options) => {
    const validation = { ...objectAt(options, 'validation') };
    nested('username', 'max', lengthValue(form.usernameMax))(validation);
    options['validation'] = validation;
  },
  disableSignup: (form) => (options) => {
    options['disable_signup'] = form.disableSignup;
  },
};

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The settings to write: the last read settings with only the fields the admin changed replaced. PATCH replaces
 * `options` wholesale (auth0-wire.md §7.2), so every option this form does not know, and every field it shows
 * but the admin left alone, goes back exactly as it was read.
 */
export function mergeRealmOptions(lastRead: RealmSettings, form: RealmForm): RealmSettings {
  const before = readRealmForm(lastRead);
  const options: Record<string, JsonObject[string]> = structuredClone(lastRead.options);
  for (const [field, writer] of Object.entries(writers) as [keyof RealmForm, (f: RealmForm) => Change][]) {
    if (!sameValue(before[field], form[field])) writer(form)(options);
  }
  return {
    display_name: form.displayName.trim(),
    options,
    enabled_clients: sameValue(before.enabledClients, form.enabledClients)
      ? lastRead.enabled_clients
      : [...form.enabledClients].sort(),
  };
}
