import { z } from 'zod';
import type { Json } from '../staging/staged-change';
import { allowlistLines, type BruteForceForm, type SuspiciousIpForm } from './attack-form-schema';

/**
 * Between the staged JSON values (attack-staging.ts) and the forms' fields. A field the tenant did not send
 * starts at Auth0's default (auth0-wire.md §3.2, §3.3).
 */

const Stage = z.object({ max_attempts: z.number().optional(), rate: z.number().optional() }).optional();
const BruteForceJson = z.object({
  enabled: z.boolean().optional(),
  max_attempts: z.number().optional(),
  mode: z.enum(['count_per_identifier_and_ip', 'count_per_identifier']).optional().catch(undefined),
  shields: z.array(z.string()).optional(),
  allowlist: z.array(z.string()).optional(),
});
const SuspiciousIpJson = z.object({
  enabled: z.boolean().optional(),
  shields: z.array(z.string()).optional(),
  allowlist: z.array(z.string()).optional(),
  stage: z.object({ 'pre-login': Stage, 'pre-user-registration': Stage }).optional(),
});

const only = <T extends string>(choices: readonly T[], values: readonly string[] | undefined): T[] =>
  choices.filter((choice) => values?.includes(choice));

export function bruteForceForm(value: Json): BruteForceForm {
  const setting = BruteForceJson.parse(value);
  return {
    enabled: setting.enabled ?? true,
    max_attempts: setting.max_attempts ?? 10,
    mode: setting.mode ?? 'count_per_identifier_and_ip',
    shields: only(['block', 'user_notification'], setting.shields ?? ['block', 'user_notification']),
    allowlist: (setting.allowlist ?? []).join('\n'),
  };
}

/**
 * `next` in `base`'s order where they hold the same items: shields are a set, and a tenant that lists them in
 * another order than the form's checkboxes must not show up as a change.
 */
function inOrderOf(base: Json, next: readonly string[]): string[] {
  const before = z.array(z.string()).catch([]).parse(base);
  return [...before.filter((item) => next.includes(item)), ...next.filter((item) => !before.includes(item))];
}

const shieldsOf = (base: Json): Json => z.object({ shields: z.json().optional() }).catch({}).parse(base).shields ?? [];

export function bruteForceDraft(form: BruteForceForm, base: Json): Json {
  return {
    enabled: form.enabled,
    max_attempts: form.max_attempts,
    mode: form.mode,
    shields: inOrderOf(shieldsOf(base), form.shields),
    allowlist: allowlistLines(form.allowlist),
  };
}

export function suspiciousIpForm(value: Json): SuspiciousIpForm {
  const setting = SuspiciousIpJson.parse(value);
  const preLogin = setting.stage?.['pre-login'];
  const preRegistration = setting.stage?.['pre-user-registration'];
  return {
    enabled: setting.enabled ?? true,
    shields: only(['block', 'admin_notification'], setting.shields ?? ['block', 'admin_notification']),
    allowlist: (setting.allowlist ?? []).join('\n'),
    preLoginMaxAttempts: preLogin?.max_attempts ?? 100,
    preLoginRate: preLogin?.rate ?? 864_000,
    preRegistrationMaxAttempts: preRegistration?.max_attempts ?? 50,
    preRegistrationRate: preRegistration?.rate ?? 1_728_000,
  };
}

export function suspiciousIpDraft(form: SuspiciousIpForm, base: Json): Json {
  return {
    enabled: form.enabled,
    shields: inOrderOf(shieldsOf(base), form.shields),
    allowlist: allowlistLines(form.allowlist),
    stage: {
      'pre-login': { max_attempts: form.preLoginMaxAttempts, rate: form.preLoginRate },
      'pre-user-registration': { max_attempts: form.preRegistrationMaxAttempts, rate: form.preRegistrationRate },
    },
  };
}

/** "one more attempt every 14.4 minutes (100 a day)": a rate in milliseconds, in words. */
export function rateWords(milliseconds: number): string {
  if (!Number.isFinite(milliseconds) || milliseconds <= 0) return '';
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  const [size, unit] = units.find(([unitSize]) => milliseconds >= unitSize) ?? [1, 'millisecond'];
  const amount = Math.round((milliseconds / size) * 10) / 10;
  const perDay = Math.round((86_400_000 / milliseconds) * 10) / 10;
  return `One more attempt every ${amount} ${unit}${amount === 1 ? '' : 's'} (${perDay.toLocaleString()} a day).`;
}
