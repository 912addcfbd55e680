import type { LogEvent } from '../../../../common/admin/log.schema';

/** Whether an event reports success, failure, or neither (shown in words, with a matching badge). */
export type LogOutcome = 'success' | 'failure' | 'warning' | 'info';

interface EventKind {
  readonly words: string;
  readonly outcome: LogOutcome;
}

/**
 * Auth0's tenant log event codes in plain words (Auth0 docs, "Log Event Type Codes"; auth0-wire.md §7.6).
 * The reference server writes the ones in server/logs/tenant-log.ts and the MFA grants' codes; the rest are
 * common on Auth0 tenants, so a pane pointed at one reads them too.
 */
const kinds: Readonly<Record<string, EventKind>> = {
  s: { words: 'Signed in', outcome: 'success' },
  f: { words: 'Sign-in failed', outcome: 'failure' },
  fp: { words: 'Sign-in failed: wrong password', outcome: 'failure' },
  fu: { words: 'Sign-in failed: unknown user', outcome: 'failure' },
  sepft: { words: 'Password exchanged for tokens', outcome: 'success' },
  fepft: { words: 'Password sign-in refused', outcome: 'failure' },
  seccft: { words: 'Machine client got a token', outcome: 'success' },
  feccft: { words: 'Machine client refused a token', outcome: 'failure' },
  sertft: { words: 'Tokens renewed with a refresh token', outcome: 'success' },
  fertft: { words: 'Refresh token refused', outcome: 'failure' },
  ferrt: { words: 'Refresh token reused: its whole family was revoked', outcome: 'warning' },
  srrt: { words: 'Refresh token revoked', outcome: 'info' },
  seotpft: { words: 'Second step passed with an authenticator code', outcome: 'success' },
  feotpft: { words: 'Authenticator code refused', outcome: 'failure' },
  seoobft: { words: 'Second step passed with an e-mail, text or push', outcome: 'success' },
  feoobft: { words: 'E-mail, text or push step refused', outcome: 'failure' },
  sercft: { words: 'Second step passed with a recovery code', outcome: 'success' },
  fercft: { words: 'Recovery code refused', outcome: 'failure' },
  mfar: { words: 'Second step (MFA) asked for', outcome: 'info' },
  gd_enrollment_complete: { words: 'Second factor set up', outcome: 'success' },
  gd_unenroll: { words: 'Second factor removed', outcome: 'info' },
  gd_otp_rate_limit_exceed: { words: 'Too many authenticator codes tried', outcome: 'warning' },
  limit_wc: { words: 'Account locked after too many failed sign-ins', outcome: 'warning' },
  limit_mu: { words: 'IP address throttled after too many failures', outcome: 'warning' },
  limit_sul: { words: 'User throttled for too many sign-ins from one IP address', outcome: 'warning' },
  ublkdu: { words: 'Brute-force lock released', outcome: 'info' },
  w: { words: 'Warning during sign-in', outcome: 'warning' },
  sapi: { words: 'Admin change made', outcome: 'success' },
  fapi: { words: 'Admin change refused', outcome: 'failure' },
  mgmt_api_read: { words: 'Admin read of secrets', outcome: 'info' },
  api_limit: { words: 'Admin API rate limit reached', outcome: 'warning' },
  scoa: { words: 'Cross-origin sign-in succeeded', outcome: 'success' },
  fcoa: { words: 'Cross-origin sign-in failed', outcome: 'failure' },
  slo: { words: 'Signed out', outcome: 'info' },
  ss: { words: 'Signed up', outcome: 'success' },
  fs: { words: 'Sign-up failed', outcome: 'failure' },
  scp: { words: 'Password changed', outcome: 'success' },
  fcp: { words: 'Password change failed', outcome: 'failure' },
  pwd_leak: { words: 'Breached password used', outcome: 'warning' },
};

/** The event's code in words, and whether it reports success or failure. Unknown codes say so. */
export function eventKind(type: string): EventKind {
  return kinds[type] ?? { words: `Other event (${type})`, outcome: 'info' };
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * For an admin change (`sapi`/`fapi`), what was done to what, read from the request the server logged:
 * "Blocked user auth0|123". Undefined for other events or when the details do not say.
 */
export function adminChangeWords(event: Pick<LogEvent, 'type' | 'details' | 'description'>): string | undefined {
  if (event.type !== 'sapi' && event.type !== 'fapi') return undefined;
  const request = field(event.details, 'request');
  const method = field(request, 'method');
  const path = field(request, 'path');
  const body = field(request, 'body');
  if (typeof path !== 'string') return undefined;
  const userPath = /\/users\/([^/]+)$/.exec(path);
  const userId = userPath?.[1] === undefined ? undefined : safeDecode(userPath[1]);
  if (method === 'PATCH' && userId !== undefined) {
    const blocked = field(body, 'blocked');
    if (blocked === true) return `Blocked user ${userId}`;
    if (blocked === false) return `Unblocked user ${userId}`;
    return `Changed user ${userId}`;
  }
  if (method === 'DELETE' && userId !== undefined) return `Deleted user ${userId}`;
  return typeof method === 'string' ? `${event.description ?? 'Management API call'} (${method} ${path})` : undefined;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** One line for a list: the admin change when there is one, else the event's own description. */
export function eventSummary(event: Pick<LogEvent, 'type' | 'details' | 'description'>): string {
  return adminChangeWords(event) ?? event.description ?? '';
}
