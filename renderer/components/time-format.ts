// The one date and time helper for the screens, on Intl. The user's own locale and time zone are used
// (Intl with `undefined`), because people read expiry times against the clock on their desk.

const dateTimeFormats = {
  seconds: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }),
  minutes: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
};

/**
 * A readable local date and time: "26 Nov 2025, 14:03:12", or to the minute ("26 Nov 2025, 14:03") for dates
 * where seconds are noise (when a user was created).
 */
export function formatLocalDateTime(epochMs: number, precision: keyof typeof dateTimeFormats = 'seconds'): string {
  return dateTimeFormats[precision].format(new Date(epochMs));
}

/** An ISO 8601 date (as the Management API sends them) in the reader's locale; not a date stays as it was. */
export function formatIsoDate(iso: string): string {
  const epoch = Date.parse(iso);
  return Number.isNaN(epoch) ? iso : formatLocalDateTime(epoch, 'minutes');
}

function spell(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  // Whole minutes elapsed, as a clock reads: 9 min 40 s left is "9 min".
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "expires in 9 min", "expires in 1 h 5 min", "expired 3 min ago". */
export function formatCountdown(expiresAt: number, now: number): string {
  const left = expiresAt - now;
  if (Math.abs(left) < 1000) return 'expires now';
  return left > 0 ? `expires in ${spell(left)}` : `expired ${spell(-left)} ago`;
}

/** "3 min ago", "in 2 min", "just now": how far a moment is from now, for the health panel. */
export function formatRelative(at: number, now: number): string {
  const gap = at - now;
  if (Math.abs(gap) < 1000) return 'just now';
  return gap > 0 ? `in ${spell(gap)}` : `${spell(-gap)} ago`;
}

/**
 * The moment a time claim names, or undefined when the value is not a time. JWT times are NumericDate seconds
 * (RFC 7519 §2); Auth0 sends `updated_at` as an ISO 8601 string instead.
 */
export function claimTimeToEpochMs(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  return undefined;
}
