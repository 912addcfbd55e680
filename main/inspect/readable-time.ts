import type { ReadableTime } from '../../common/ipc/inspect.contract';

// English words for now: the rest of the app's messages are English too. `numeric: 'auto'` would say
// "now" for zero, which reads oddly next to an exact timestamp, so it stays numeric.
const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

const units: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/** "in 23 minutes", "2 hours ago": the largest unit that fits, rounded towards zero. */
export function relativeWords(deltaSeconds: number): string {
  const magnitude = Math.abs(deltaSeconds);
  for (const [unit, size] of units) {
    if (magnitude >= size || unit === 'second') {
      return relativeFormat.format(Math.trunc(deltaSeconds / size), unit);
    }
  }
  return relativeFormat.format(0, 'second');
}

/**
 * A NumericDate (RFC 7519 §2: seconds since the epoch, possibly fractional) made readable.
 * Undefined for values no date can hold, so a hostile token cannot make `toISOString` throw.
 */
export function readableTime(epochSeconds: number, nowMs: number): ReadableTime | undefined {
  const ms = epochSeconds * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined;
  return {
    epochSeconds,
    iso: new Date(ms).toISOString(),
    relative: relativeWords(Math.round(epochSeconds - nowMs / 1000)),
  };
}

/** `readableTime` at one fixed moment. */
export type TimeReader = (epochSeconds: number) => ReadableTime | undefined;

/**
 * `readableTime` at `nowMs`, remembering each answer. One verification reads `exp` and `iat` twice, for
 * the explanation and for the check, and the words (Intl formatting) are the costly part.
 */
export function readableTimesAt(nowMs: number): TimeReader {
  const seen = new Map<number, ReadableTime | undefined>();
  return (epochSeconds) => {
    if (seen.has(epochSeconds)) return seen.get(epochSeconds);
    const time = readableTime(epochSeconds, nowMs);
    seen.set(epochSeconds, time);
    return time;
  };
}

/** Auth0's `updated_at` is ISO 8601 rather than NumericDate (see common/claims/claim-descriptions.ts). */
export function readableTimeOf(value: unknown, timeAt: TimeReader): ReadableTime | undefined {
  if (typeof value === 'number') return timeAt(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : timeAt(ms / 1000);
  }
  return undefined;
}

/** "5 minutes" for a duration, without a direction. */
export function durationWords(seconds: number): string {
  return relativeWords(Math.abs(seconds)).replace(/^in /, '');
}
