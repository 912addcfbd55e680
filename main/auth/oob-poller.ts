import { appError, type AppResult } from '../../common/errors/app-error';
import { err } from '../../common/result';

/** Waits `ms`, or less if the signal aborts. Injected so tests poll without sleeping. */
export type Sleeper = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The real sleeper: a timer that an abort ends early. */
export const realSleeper: Sleeper = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });

/** RFC 8628 §3.5: the default interval when the server names none, and the step added on `slow_down`. */
export const defaultPollIntervalMs = 5000;
export const slowDownStepMs = 5000;

export interface PollOptions {
  /** First wait between attempts; Auth0's challenge names none, so RFC 8628's 5 seconds apply. */
  readonly intervalMs?: number;
  /** Stops polling (the user cancelled, or the window closed). */
  readonly signal?: AbortSignal;
  /** Told before each wait, for a "waiting for approval" countdown. */
  readonly onWaiting?: (wait: { readonly attempt: number; readonly intervalMs: number }) => void;
}

export interface PollEnvironment {
  readonly clock: () => number;
  readonly sleep: Sleeper;
  /** When the `mfa_token` expires (our clock): polling past it cannot succeed. */
  readonly deadline: number;
}

/**
 * Repeats an out-of-band grant until the user approves or rejects, as RFC 8628 §3.5 tells a device client
 * to: `authorization_pending` means wait and try again; `slow_down` means the same, with the interval
 * made 5 seconds longer for this and every later request; anything else ends the loop.
 */
export async function pollUntilApproved<T>(
  attempt: () => Promise<AppResult<T>>,
  options: PollOptions,
  environment: PollEnvironment,
): Promise<AppResult<T>> {
  let intervalMs = options.intervalMs ?? defaultPollIntervalMs;
  for (let count = 1; ; count += 1) {
    if (environment.clock() + intervalMs > environment.deadline) {
      return err(
        appError('mfa_expired', 'The time to approve the sign-in ran out.', {
          nextStep: 'Start again: sign in with your password, then approve the request straight away.',
        }),
      );
    }
    options.onWaiting?.({ attempt: count, intervalMs });
    await environment.sleep(intervalMs, options.signal);
    if (options.signal?.aborted) {
      return err(appError('not_signed_in', 'Signing in was cancelled.', { nextStep: 'Sign in again when ready.' }));
    }
    const result = await attempt();
    if (result.ok) return result;
    if (result.error.code === 'mfa_slow_down') intervalMs += slowDownStepMs;
    else if (result.error.code !== 'mfa_pending') return result;
  }
}
