import { describe, expect, it } from 'vitest';
import { gracefulShutdown, type ShutdownHost } from '../../../server/graceful-shutdown';

/** A process stand-in: a hand-driven clock, a close the test finishes, and a record of what was said. */
function fakeProcess() {
  let now = 0;
  let finishClose: (() => void) | undefined;
  const timers: { at: number; run: () => void; cancelled: boolean }[] = [];
  const record = { said: [] as string[], complained: [] as string[], exits: [] as number[], exitCode: -1, closes: 0 };
  const host: ShutdownHost = {
    close: () => {
      record.closes += 1;
      return new Promise<void>((resolve) => (finishClose = resolve));
    },
    say: (line) => record.said.push(line),
    complain: (line) => record.complained.push(line),
    exit: (code) => record.exits.push(code),
    setExitCode: (code) => (record.exitCode = code),
    now: () => now,
    later: (ms, run) => {
      const timer = { at: now + ms, run, cancelled: false };
      timers.push(timer);
      return { cancel: () => (timer.cancelled = true) };
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers) {
      if (timer.cancelled || timer.at > now) continue;
      timer.cancelled = true;
      timer.run();
    }
  };
  const finish = async () => {
    finishClose?.();
    await Promise.resolve();
  };
  return { host, record, advance, finish };
}

const times = { graceMs: 10_000, echoMs: 1_000 };

describe('graceful shutdown', () => {
  it('treats the same Ctrl-C relayed by npm as one request: one close, then "stopped"', async () => {
    const { host, record, advance, finish } = fakeProcess();
    const stop = gracefulShutdown(host, times);
    stop('SIGINT');
    advance(5);
    stop('SIGINT'); // npm's copy of the same keypress
    stop('SIGTERM');
    await finish();
    expect(record.closes).toBe(1);
    expect(record.exits).toEqual([]);
    expect(record.said).toEqual(['Gatehouse server stopped']);
    expect(record.exitCode).toBe(0);
  });

  it('exits at once when asked again after the echo window', () => {
    const { host, record, advance } = fakeProcess();
    const stop = gracefulShutdown(host, times);
    stop('SIGINT');
    advance(2_000);
    stop('SIGINT');
    expect(record.exits).toEqual([1]);
    expect(record.complained).toEqual(['gatehouse server: SIGINT again, exiting without waiting']);
  });

  it('gives up on requests still running after the grace time', () => {
    const { host, record, advance } = fakeProcess();
    gracefulShutdown(host, times)('SIGTERM');
    advance(10_000);
    expect(record.exits).toEqual([1]);
    expect(record.complained[0]).toMatch(/still running after 10 s/);
  });

  it('reports a failed close with exit code 1 and no "stopped" line', async () => {
    const { host, record } = fakeProcess();
    host.close = () => Promise.reject(new Error('database is locked'));
    gracefulShutdown(host, times)('SIGTERM');
    await new Promise((resolve) => setImmediate(resolve));
    expect(record.said).toEqual([]);
    expect(record.exitCode).toBe(1);
    expect(record.complained[0]).toContain('database is locked');
  });
});
