import { appError, type AppError } from '../../common/errors/app-error';

/** How far our clock may be from the server's before we say so (node-auth0 uses the same 60 s for ID tokens). */
export const defaultClockToleranceMs = 60_000;

/** When a request left and its answer came back (our clock), and the server's `Date` header. */
export interface ClockReading {
  readonly serverDate: string | undefined;
  readonly sentAt: number;
  readonly receivedAt: number;
}

/**
 * The server's clock minus ours, in milliseconds, from the `Date` header (RFC 9110 §6.6.1), or undefined
 * when there is no usable header. The header has one-second resolution and was stamped at some moment
 * between our send and our receive, so that uncertainty is taken off before any offset is reported:
 * a 0 means "no measurable difference".
 */
export function serverClockOffset(reading: ClockReading): number | undefined {
  if (reading.serverDate === undefined) return undefined;
  const server = Date.parse(reading.serverDate);
  if (Number.isNaN(server)) return undefined;
  const uncertainty = (reading.receivedAt - reading.sentAt) / 2 + 1000;
  const offset = server - (reading.sentAt + reading.receivedAt) / 2;
  if (Math.abs(offset) <= uncertainty) return 0;
  return offset > 0 ? offset - uncertainty : offset + uncertainty;
}

/** The time claims of a token we just received (seconds since the epoch, RFC 7519 §4.1). */
export interface FreshTokenTimes {
  readonly iat?: number;
  readonly nbf?: number;
}

export interface ClockCheck {
  /** From `serverClockOffset`; undefined when the server sent no Date header. */
  readonly offsetMs: number | undefined;
  /** Our clock when the answer arrived. */
  readonly receivedAt: number;
  /** Claims of a token issued just now, when it is a JWT. */
  readonly token?: FreshTokenTimes;
  readonly toleranceMs?: number;
  readonly serverDate?: string;
}

/**
 * Says whether this computer's clock disagrees with the server's, and by how much, in plain words.
 * Evidence, in order: the server's `Date` header; a fresh token's `iat` (it was issued moments ago, so it
 * *is* the server's "now"); and a fresh token's `nbf` lying in the future. A wrong clock makes valid tokens
 * look expired or not yet valid, and breaks an authenticator app running on this computer.
 */
export function clockSkewProblem(check: ClockCheck): AppError | undefined {
  const tolerance = check.toleranceMs ?? defaultClockToleranceMs;
  const evidence = { ...(check.serverDate === undefined ? {} : { serverDate: check.serverDate }) };
  if (check.offsetMs !== undefined && Math.abs(check.offsetMs) > tolerance) {
    return skewError(
      check.offsetMs,
      `This computer’s clock is ${describeOffset(check.offsetMs)} the server’s.`,
      evidence,
    );
  }
  const { iat, nbf } = check.token ?? {};
  if (iat !== undefined && Math.abs(iat * 1000 - check.receivedAt) > tolerance) {
    const offset = iat * 1000 - check.receivedAt;
    const direction = offset > 0 ? 'ahead of' : 'behind';
    const message = `The server stamps its tokens with a time ${describeDuration(Math.abs(offset))} ${direction} this computer’s clock.`;
    return skewError(offset, message, evidence);
  }
  if (nbf !== undefined && nbf * 1000 - check.receivedAt > tolerance) {
    const offset = nbf * 1000 - check.receivedAt;
    return skewError(
      offset,
      `The server sent a token that, by this computer’s clock, is not valid for another ${describeDuration(offset)}.`,
      evidence,
    );
  }
  return undefined;
}

/** This computer's clock relative to the server's: "7 minutes behind" (the server is later) or "2 hours ahead of". */
function describeOffset(offsetMs: number): string {
  return `${describeDuration(Math.abs(offsetMs))} ${offsetMs > 0 ? 'behind' : 'ahead of'}`;
}

function skewError(offsetMs: number, message: string, evidence: { serverDate?: string }): AppError {
  return appError('clock_skew', message, {
    nextStep:
      'Turn on “Set time automatically” in the system’s date and time settings. If this computer’s time is already right, tell your IT team the server’s clock is off.',
    detail: { ...evidence, clockOffsetMs: Math.round(offsetMs) },
  });
}

function describeDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds} seconds`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} hours` : `${Math.round(hours / 24)} days`;
}
