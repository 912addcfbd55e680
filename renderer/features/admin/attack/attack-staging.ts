import { z } from 'zod';
import {
  BruteForcePatch,
  SuspiciousIpPatch,
  type BruteForceProtection,
  type SuspiciousIpThrottling,
} from '../../../../common/admin/log.schema';
import { appError, type AppResult } from '../../../../common/errors/app-error';
import { ok } from '../../../../common/result';
import {
  adminGetBruteForce,
  adminGetSuspiciousIp,
  adminUpdateBruteForce,
  adminUpdateSuspiciousIp,
} from '../../../api/gatehouse';
import type { Json, StageRequest } from '../staging/staged-change';

/**
 * The attack-protection settings as the tray stages them: exactly the fields the editor writes, read with GET
 * and written with PATCH on the existing admin channels. Each PATCH sends every field of its setting (whole
 * lists and whole stages), so the outcome is the same on real Auth0 whether it merges or replaces them.
 */

const JsonValue = z.json();

/** Drops absent fields (a tenant may not send `mode`), so the staged value is plain JSON. */
function present(fields: Record<string, unknown>): Json {
  return JsonValue.parse(Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)));
}

export function bruteForceValue(setting: BruteForceProtection): Json {
  const { enabled, max_attempts, mode, shields, allowlist } = setting;
  return present({ enabled, max_attempts, mode, shields, allowlist });
}

export function suspiciousIpValue(setting: SuspiciousIpThrottling): Json {
  const { enabled, shields, allowlist, stage } = setting;
  const stageValue = stage && {
    ...(stage['pre-login'] && { 'pre-login': present(stage['pre-login']) }),
    ...(stage['pre-user-registration'] && { 'pre-user-registration': present(stage['pre-user-registration']) }),
  };
  return present({ enabled, shields, allowlist, stage: stageValue });
}

/** A staged value checked against the channel's own patch schema before it is sent (undo writes it too). */
function asPatch<T extends z.ZodType>(schema: T, value: Json): AppResult<z.output<T>> {
  const checked = schema.safeParse(value);
  if (checked.success) return ok(checked.data);
  return {
    ok: false,
    error: appError('invalid_input', 'This change cannot be sent: a value is outside what the tenant accepts.', {
      nextStep: 'Discard it and make the change again in the form.',
    }),
  };
}

export const bruteForceKey = 'attack-protection:brute-force';
export const suspiciousIpKey = 'attack-protection:suspicious-ip';

export function bruteForceChange(base: Json, draft: Json): StageRequest {
  return {
    key: bruteForceKey,
    area: 'attack-protection',
    title: 'Brute-force protection',
    base,
    draft,
    async readLive() {
      const live = await adminGetBruteForce();
      return live.ok ? ok(bruteForceValue(live.value)) : live;
    },
    async write(value) {
      const patch = asPatch(BruteForcePatch, value);
      if (!patch.ok) return patch;
      const written = await adminUpdateBruteForce(patch.value);
      return written.ok ? ok(bruteForceValue(written.value)) : written;
    },
  };
}

export function suspiciousIpChange(base: Json, draft: Json): StageRequest {
  return {
    key: suspiciousIpKey,
    area: 'attack-protection',
    title: 'Suspicious-IP throttling',
    base,
    draft,
    async readLive() {
      const live = await adminGetSuspiciousIp();
      return live.ok ? ok(suspiciousIpValue(live.value)) : live;
    },
    async write(value) {
      const patch = asPatch(SuspiciousIpPatch, value);
      if (!patch.ok) return patch;
      const written = await adminUpdateSuspiciousIp(patch.value);
      return written.ok ? ok(suspiciousIpValue(written.value)) : written;
    },
  };
}
