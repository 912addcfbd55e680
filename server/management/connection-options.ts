import { z } from 'zod';
import { jsonObject } from './validation';

/**
 * A database (`auth0`) connection's `options` (auth0-wire.md §7.2). Known fields are type-checked; other
 * Auth0 fields (customScripts, attributes, …) are kept as sent, because PATCH replaces `options`
 * wholesale and an admin tool must be able to round-trip what it read.
 */
export const DatabaseOptions = z.looseObject({
  passwordPolicy: z.enum(['none', 'low', 'fair', 'good', 'excellent']).nullable().optional(),
  password_complexity_options: z
    .looseObject({ min_length: z.number().int().min(1).max(128).optional() })
    .nullable()
    .optional(),
  password_history: z
    .looseObject({ enable: z.boolean().optional(), size: z.number().int().min(0).max(24).optional() })
    .nullable()
    .optional(),
  password_no_personal_info: z.looseObject({ enable: z.boolean().optional() }).nullable().optional(),
  password_dictionary: z
    .looseObject({
      enable: z.boolean().optional(),
      dictionary: z.array(z.string().max(50)).max(200).optional(),
    })
    .nullable()
    .optional(),
  brute_force_protection: z.boolean().optional(),
  mfa: z
    .looseObject({ active: z.boolean().optional(), return_enroll_settings: z.boolean().optional() })
    .nullable()
    .optional(),
  requires_username: z.boolean().optional(),
  disable_signup: z.boolean().optional(),
  import_mode: z.boolean().optional(),
  enabledDatabaseCustomization: z.boolean().optional(),
  validation: z
    .looseObject({
      username: z
        .looseObject({
          min: z.number().int().min(1).max(128).optional(),
          max: z.number().int().min(1).max(128).optional(),
        })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
});
export type DatabaseOptions = z.infer<typeof DatabaseOptions>;

/** Options of any connection: database ones are checked field by field, others need only be an object. */
export function optionsSchema(strategy: string): z.ZodType<Record<string, unknown>> {
  return strategy === 'auth0' ? (DatabaseOptions as z.ZodType<Record<string, unknown>>) : jsonObject;
}

/** The password rules a database connection imposes (auth0-wire.md §7.2), read from stored options. */
export interface PasswordRules {
  readonly policy: 'none' | 'low' | 'fair' | 'good' | 'excellent';
  readonly minLength: number | undefined;
  readonly historySize: number;
  readonly noPersonalInfo: boolean;
  readonly dictionary: readonly string[] | undefined;
}

/**
 * Reads the rules from stored options. Options that no longer parse (written before a check existed)
 * count as no policy rather than locking every user out of a password change.
 */
export function passwordRules(options: Readonly<Record<string, unknown>>): PasswordRules {
  const parsed = DatabaseOptions.safeParse(options);
  const o: DatabaseOptions = parsed.success ? parsed.data : {};
  const history = o.password_history;
  const dictionary = o.password_dictionary;
  return {
    policy: o.passwordPolicy ?? 'none',
    minLength: o.password_complexity_options?.min_length,
    historySize: history?.enable === true ? (history.size ?? 5) : 0,
    noPersonalInfo: o.password_no_personal_info?.enable === true,
    dictionary: dictionary?.enable === true ? (dictionary.dictionary ?? []) : undefined,
  };
}

/** Whether the connection asks for a username (`requires_username`). */
export function requiresUsername(options: Readonly<Record<string, unknown>>): boolean {
  return options['requires_username'] === true;
}
