import { describe, expect, it } from 'vitest';
import { appError, type AppErrorCode, type AppResult } from '../../../../common/errors/app-error';
import { err, ok } from '../../../../common/result';
import { pollUntilApproved, realSleeper } from '../../../../main/auth/oob-poller';

/** A clock that only moves when the poller sleeps, and records every wait. */
function virtualTime(start = 1_000_000) {
  let now = start;
  const waits: number[] = [];
  return {
    clock: () => now,
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
    waits,
  };
}

/** The server's answers to each poll, in order. */
function answers(...codes: (AppErrorCode | 'ok')[]) {
  let calls = 0;
  const attempt = async (): Promise<AppResult<string>> => {
    const code = codes[calls] ?? 'mfa_pending';
    calls += 1;
    return code === 'ok' ? ok('tokens') : err(appError(code, code));
  };
  return { attempt, calls: () => calls };
}

describe('pollUntilApproved (RFC 8628 §3.5)', () => {
  it('keeps polling at the interval while authorization is pending, then returns the tokens', async () => {
    const time = virtualTime();
    const server = answers('mfa_pending', 'mfa_pending', 'ok');
    const result = await pollUntilApproved(server.attempt, {}, { ...time, deadline: time.clock() + 600_000 });
    expect(result).toEqual(ok('tokens'));
    expect(server.calls()).toBe(3);
    expect(time.waits).toEqual([5000, 5000, 5000]);
  });

  it('adds 5 seconds to the interval on every slow_down, for all later polls', async () => {
    const time = virtualTime();
    const server = answers('mfa_slow_down', 'mfa_pending', 'mfa_slow_down', 'ok');
    await pollUntilApproved(server.attempt, { intervalMs: 2000 }, { ...time, deadline: time.clock() + 600_000 });
    expect(time.waits).toEqual([2000, 7000, 7000, 12_000]);
  });

  it('stops at once when the user rejects on the device', async () => {
    const time = virtualTime();
    const server = answers('mfa_pending', 'mfa_rejected', 'ok');
    const result = await pollUntilApproved(server.attempt, {}, { ...time, deadline: time.clock() + 600_000 });
    expect(!result.ok && result.error.code).toBe('mfa_rejected');
    expect(server.calls()).toBe(2);
  });

  it('gives up with mfa_expired before a poll would pass the mfa_token’s expiry', async () => {
    const time = virtualTime();
    const server = answers();
    const result = await pollUntilApproved(server.attempt, {}, { ...time, deadline: time.clock() + 12_000 });
    expect(!result.ok && result.error.code).toBe('mfa_expired');
    expect(server.calls()).toBe(2);
  });

  it('stops without another request when the caller aborts', async () => {
    const time = virtualTime();
    const controller = new AbortController();
    const server = answers('mfa_pending');
    const result = await pollUntilApproved(
      server.attempt,
      { signal: controller.signal, onWaiting: ({ attempt }) => attempt === 2 && controller.abort() },
      { ...time, deadline: time.clock() + 600_000 },
    );
    expect(!result.ok && result.error.code).toBe('not_signed_in');
    expect(server.calls()).toBe(1);
  });

  it('the real sleeper ends early on abort', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const sleeping = realSleeper(10_000, controller.signal);
    controller.abort();
    await sleeping;
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
