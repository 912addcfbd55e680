import { z } from 'zod';
import type { LogEvent } from '../../../../common/admin/log.schema';

const Script = z.object({ kind: z.enum(['rule', 'action']), id: z.string(), name: z.string() });
/**
 * What a login's event says about its post-login pipeline (the reference server writes it on `sepft`, `sertft`
 * and `mfar`; Auth0 does not, so these are empty there and the pane says so).
 */
const PipelineDetails = z.object({
  scripts: z.array(Script.extend({ status: z.string() })).optional(),
  claims: z.array(z.object({ in: z.enum(['id', 'access']), claim: z.string(), script: Script })).optional(),
});

export interface LoginPipeline {
  /** Which rules and actions ran, in order, in words: `Rule “Add claims” (ok)`. */
  readonly ran: readonly string[];
  /** Which claim each script set: `https://x/realm (ID token) by rule “Add claims”`. */
  readonly claims: readonly string[];
}

const scriptWords = (script: z.infer<typeof Script>) =>
  `${script.kind === 'rule' ? 'Rule' : 'Action'} “${script.name}”`;

/** The scripts and claims a login event names; undefined when it names none (other events, Auth0 tenants). */
export function loginPipeline(event: Pick<LogEvent, 'details'>): LoginPipeline | undefined {
  const parsed = PipelineDetails.safeParse(event.details ?? {});
  if (!parsed.success || (parsed.data.scripts === undefined && parsed.data.claims === undefined)) return undefined;
  return {
    ran: (parsed.data.scripts ?? []).map((run) => `${scriptWords(run)} (${run.status})`),
    claims: (parsed.data.claims ?? []).map(
      (claim) =>
        `${claim.claim} (${claim.in === 'id' ? 'ID token' : 'access token'}) set by ${claim.script.kind} “${claim.script.name}”`,
    ),
  };
}

/** The timeline's groups: what kind of thing happened to the user's sign-ins. */
export type TimelineKind = 'sign-in' | 'refresh' | 'failure' | 'block' | 'mfa' | 'other';

const kindOf: Readonly<Record<string, TimelineKind>> = {
  s: 'sign-in',
  sepft: 'sign-in',
  scoa: 'sign-in',
  sertft: 'refresh',
  fertft: 'failure',
  ferrt: 'failure',
  srrt: 'refresh',
  f: 'failure',
  fp: 'failure',
  fu: 'failure',
  fepft: 'failure',
  fcoa: 'failure',
  limit_wc: 'block',
  limit_mu: 'block',
  limit_sul: 'block',
  ublkdu: 'block',
  mfar: 'mfa',
  seotpft: 'mfa',
  feotpft: 'mfa',
  seoobft: 'mfa',
  feoobft: 'mfa',
  sercft: 'mfa',
  fercft: 'mfa',
  gd_enrollment_complete: 'mfa',
  gd_unenroll: 'mfa',
  gd_auth_succeed: 'mfa',
  gd_otp_rate_limit_exceed: 'mfa',
};

/** Which group of the login timeline an event belongs to. */
export function timelineKind(type: string): TimelineKind {
  return kindOf[type] ?? 'other';
}

/** Newest first (the log's dates are ISO 8601, so they sort as text), each log_id once. */
export function newestFirst(events: readonly LogEvent[]): LogEvent[] {
  const seen = new Set<string>();
  return [...events]
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .filter((event) => (seen.has(event.log_id) ? false : (seen.add(event.log_id), true)));
}
