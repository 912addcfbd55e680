/** What a shutdown needs from the process, so the rules below can be tested without one. */
export interface ShutdownHost {
  /** Stops listening, lets in-flight requests finish, closes the database. */
  close(): Promise<void>;
  say(line: string): void;
  complain(line: string): void;
  exit(code: number): void;
  setExitCode(code: number): void;
  now(): number;
  /** Calls `run` after `ms` unless cancelled; must not keep the process alive by itself. */
  later(ms: number, run: () => void): { cancel(): void };
}

export interface ShutdownTimes {
  /** How long in-flight requests may take before the process gives up on them. */
  graceMs: number;
  /**
   * Signals this soon after the first are the same request arriving twice: a terminal's Ctrl-C reaches
   * npm, its `sh -c` and the server as one process group, and npm passes its own copy on as well.
   */
  echoMs: number;
}

/**
 * The server's answer to SIGINT and SIGTERM: a graceful close that prints `Gatehouse server stopped`, a
 * forced exit if it takes longer than the grace time, and a forced exit when the user asks again (a
 * signal after the echo window), but never because the same signal arrived twice at once.
 */
export function gracefulShutdown(host: ShutdownHost, times: ShutdownTimes): (signal: string) => void {
  let firstAt: number | null = null;
  return (signal) => {
    if (firstAt !== null) {
      if (host.now() - firstAt < times.echoMs) return;
      host.complain(`gatehouse server: ${signal} again, exiting without waiting`);
      host.exit(1);
      return;
    }
    firstAt = host.now();
    const deadline = host.later(times.graceMs, () => {
      host.complain(`gatehouse server: requests still running after ${times.graceMs / 1000} s, exiting`);
      host.exit(1);
    });
    host.close().then(
      () => {
        deadline.cancel();
        host.say('Gatehouse server stopped');
        host.setExitCode(0);
      },
      (error: unknown) => {
        deadline.cancel();
        host.complain(`gatehouse server: error while closing: ${String(error)}`);
        host.setExitCode(1);
      },
    );
  };
}
