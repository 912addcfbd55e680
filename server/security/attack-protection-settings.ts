import { z } from 'zod';
import { isValidAllowlistEntry } from './ip-allowlist';

/**
 * The tenant's attack-protection settings (auth0-wire.md §3, `/api/v2/attack-protection/*`). The domain
 * types are camelCase; the `*Wire` zod schemas and `to*Wire` functions are the Management API boundary,
 * in Auth0's snake_case shape. Defaults are Auth0's.
 */

/** Brute-force protection (§3.2). */
export interface BruteForceSettings {
  readonly enabled: boolean;
  /** `block` makes the server refuse; `user_notification` alone only logs (we send no email). */
  readonly shields: readonly ('block' | 'user_notification')[];
  /** IPs or CIDR ranges never counted or blocked. */
  readonly allowlist: readonly string[];
  /** Per (identifier, IP) by default; `count_per_identifier` is Auth0's "account lockout" mode. */
  readonly mode: 'count_per_identifier_and_ip' | 'count_per_identifier';
  /** Failed attempts that trigger a block (default 10). */
  readonly maxAttempts: number;
}

/** One stage of suspicious-IP throttling: a bucket of `maxAttempts` refilled one per `rate` ms. */
export interface ThrottleStage {
  readonly maxAttempts: number;
  readonly rate: number;
}

/** Suspicious-IP throttling (§3.3). */
export interface SuspiciousIpSettings {
  readonly enabled: boolean;
  readonly shields: readonly ('block' | 'admin_notification')[];
  readonly allowlist: readonly string[];
  readonly preLogin: ThrottleStage;
  readonly preUserRegistration: ThrottleStage;
}

/** Breached-password detection. Stored and served; this server has no breach corpus to check against. */
export interface BreachedPasswordSettings {
  readonly enabled: boolean;
  readonly shields: readonly ('block' | 'user_notification' | 'admin_notification')[];
  readonly adminNotificationFrequency: readonly ('immediately' | 'daily' | 'weekly' | 'monthly')[];
  readonly method: 'standard' | 'enhanced';
}

export const defaultBruteForceSettings: BruteForceSettings = {
  enabled: true,
  shields: ['block', 'user_notification'],
  allowlist: [],
  mode: 'count_per_identifier_and_ip',
  maxAttempts: 10,
};

export const defaultSuspiciousIpSettings: SuspiciousIpSettings = {
  enabled: true,
  shields: ['admin_notification', 'block'],
  allowlist: [],
  // 100 failed logins per IP per day: one new attempt every 864 000 ms (§3.3).
  preLogin: { maxAttempts: 100, rate: 864_000 },
  preUserRegistration: { maxAttempts: 50, rate: 1_728_000 },
};

export const defaultBreachedPasswordSettings: BreachedPasswordSettings = {
  enabled: false,
  shields: [],
  adminNotificationFrequency: [],
  method: 'standard',
};

// An allowlist entry is an IPv4/IPv6 address or CIDR range, at most 100 of them (§3.3).
const AllowList = z
  .array(z.string().max(64).refine(isValidAllowlistEntry, 'must be an IP address or CIDR range'))
  .max(100);
const Stage = z.strictObject({
  max_attempts: z.number().int().min(1).max(72_000).optional(),
  rate: z.number().int().min(1).max(2_592_000_000).optional(),
});

/** `PATCH /attack-protection/brute-force-protection` body (every field optional). */
export const BruteForcePatchWire = z.strictObject({
  enabled: z.boolean().optional(),
  shields: z.array(z.enum(['block', 'user_notification'])).optional(),
  allowlist: AllowList.optional(),
  mode: z.enum(['count_per_identifier_and_ip', 'count_per_identifier']).optional(),
  max_attempts: z.number().int().min(1).max(100).optional(),
});

/** `PATCH /attack-protection/suspicious-ip-throttling` body. */
export const SuspiciousIpPatchWire = z.strictObject({
  enabled: z.boolean().optional(),
  shields: z.array(z.enum(['block', 'admin_notification'])).optional(),
  allowlist: AllowList.optional(),
  stage: z.strictObject({ 'pre-login': Stage.optional(), 'pre-user-registration': Stage.optional() }).optional(),
});

/** `PATCH /attack-protection/breached-password-detection` body. */
export const BreachedPasswordPatchWire = z.strictObject({
  enabled: z.boolean().optional(),
  shields: z.array(z.enum(['block', 'user_notification', 'admin_notification'])).optional(),
  admin_notification_frequency: z.array(z.enum(['immediately', 'daily', 'weekly', 'monthly'])).optional(),
  method: z.enum(['standard', 'enhanced']).optional(),
});

export type BruteForcePatchWire = z.infer<typeof BruteForcePatchWire>;
export type SuspiciousIpPatchWire = z.infer<typeof SuspiciousIpPatchWire>;
export type BreachedPasswordPatchWire = z.infer<typeof BreachedPasswordPatchWire>;

/** Applies a wire PATCH to the current settings. */
export function patchBruteForce(current: BruteForceSettings, patch: BruteForcePatchWire): BruteForceSettings {
  return {
    enabled: patch.enabled ?? current.enabled,
    shields: patch.shields ?? current.shields,
    allowlist: patch.allowlist ?? current.allowlist,
    mode: patch.mode ?? current.mode,
    maxAttempts: patch.max_attempts ?? current.maxAttempts,
  };
}

function patchStage(current: ThrottleStage, patch: z.infer<typeof Stage> | undefined): ThrottleStage {
  return { maxAttempts: patch?.max_attempts ?? current.maxAttempts, rate: patch?.rate ?? current.rate };
}

/** Applies a wire PATCH; each stage is merged field by field. */
export function patchSuspiciousIp(current: SuspiciousIpSettings, patch: SuspiciousIpPatchWire): SuspiciousIpSettings {
  return {
    enabled: patch.enabled ?? current.enabled,
    shields: patch.shields ?? current.shields,
    allowlist: patch.allowlist ?? current.allowlist,
    preLogin: patchStage(current.preLogin, patch.stage?.['pre-login']),
    preUserRegistration: patchStage(current.preUserRegistration, patch.stage?.['pre-user-registration']),
  };
}

/** Applies a wire PATCH. */
export function patchBreachedPassword(
  current: BreachedPasswordSettings,
  patch: BreachedPasswordPatchWire,
): BreachedPasswordSettings {
  return {
    enabled: patch.enabled ?? current.enabled,
    shields: patch.shields ?? current.shields,
    adminNotificationFrequency: patch.admin_notification_frequency ?? current.adminNotificationFrequency,
    method: patch.method ?? current.method,
  };
}

/** Auth0's wire object for `GET /attack-protection/brute-force-protection`. */
export function toBruteForceWire(settings: BruteForceSettings) {
  return {
    enabled: settings.enabled,
    shields: [...settings.shields],
    allowlist: [...settings.allowlist],
    mode: settings.mode,
    max_attempts: settings.maxAttempts,
  };
}

/** Auth0's wire object for `GET /attack-protection/suspicious-ip-throttling`. */
export function toSuspiciousIpWire(settings: SuspiciousIpSettings) {
  return {
    enabled: settings.enabled,
    shields: [...settings.shields],
    allowlist: [...settings.allowlist],
    stage: {
      'pre-login': { max_attempts: settings.preLogin.maxAttempts, rate: settings.preLogin.rate },
      'pre-user-registration': {
        max_attempts: settings.preUserRegistration.maxAttempts,
        rate: settings.preUserRegistration.rate,
      },
    },
  };
}

/** Auth0's wire object for `GET /attack-protection/breached-password-detection`. */
export function toBreachedPasswordWire(settings: BreachedPasswordSettings) {
  return {
    enabled: settings.enabled,
    shields: [...settings.shields],
    admin_notification_frequency: [...settings.adminNotificationFrequency],
    method: settings.method,
  };
}

/** Reads a stored wire document back, filling anything missing with defaults. */
export function fromBruteForceWire(json: unknown): BruteForceSettings {
  return patchBruteForce(defaultBruteForceSettings, BruteForcePatchWire.parse(json));
}

/** Reads a stored wire document back, filling anything missing with defaults. */
export function fromSuspiciousIpWire(json: unknown): SuspiciousIpSettings {
  return patchSuspiciousIp(defaultSuspiciousIpSettings, SuspiciousIpPatchWire.parse(json));
}

/** Reads a stored wire document back, filling anything missing with defaults. */
export function fromBreachedPasswordWire(json: unknown): BreachedPasswordSettings {
  return patchBreachedPassword(defaultBreachedPasswordSettings, BreachedPasswordPatchWire.parse(json));
}
