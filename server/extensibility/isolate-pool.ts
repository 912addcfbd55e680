import ivm from 'isolated-vm';
import type { SandboxLimits } from './sandbox-limits';

/** Why a script produced no usable result. */
export type ScriptFailureKind = 'timeout' | 'memory' | 'output_too_large' | 'invalid_output';

/** The raw outcome of one script: its JSON text, or why there is none. */
export type RawScriptResult =
  | { readonly ok: true; readonly json: string }
  | { readonly ok: false; readonly kind: ScriptFailureKind; readonly detail: string };

/** One isolate checked out of the pool for the scripts of one login. */
export interface IsolateLease {
  /**
   * Runs `harness` (the body of a function whose arguments are `$0`, `$1`, … = `args`) in a fresh
   * context. Only strings cross the boundary: JSON copies in, one JSON string out (design/security.md).
   */
  run(harness: string, args: readonly string[], timeoutMs: number): Promise<RawScriptResult>;
}

/** Messages isolated-vm uses; there are no error codes to test instead. */
const TIMED_OUT = /timed out/i;
const MEMORY = /memory limit/i;

/**
 * A small pool of isolated-vm isolates. A login checks one out, runs each script in a fresh context
 * (nothing survives from one script to the next), and returns it. An isolate that hit a limit is
 * disposed and replaced, so no half-finished state is ever reused. isolated-vm runs scripts on its own
 * threads, so the event loop, and with it `/health` and other logins, keeps going meanwhile.
 */
export class IsolatePool {
  private readonly idle: ivm.Isolate[] = [];
  private readonly waiting: { resolve: (isolate: ivm.Isolate) => void; reject: (error: Error) => void }[] = [];
  private live = 0;
  private closed = false;

  constructor(private readonly limits: SandboxLimits) {}

  /** Runs `work` with an isolate of its own, and returns the isolate afterwards. */
  async withLease<T>(work: (lease: IsolateLease) => Promise<T>): Promise<T> {
    let isolate = await this.acquire();
    const lease: IsolateLease = {
      run: async (harness, args, timeoutMs) => {
        if (isolate.isDisposed) isolate = this.create();
        const result = await this.runOnce(isolate, harness, args, timeoutMs);
        // After a limit was hit the isolate may hold a runaway promise chain: never reuse it.
        if (!result.ok && (result.kind === 'timeout' || result.kind === 'memory') && !isolate.isDisposed) {
          isolate.dispose();
        }
        return result;
      },
    };
    try {
      return await work(lease);
    } finally {
      this.release(isolate);
    }
  }

  /** Disposes every isolate. Later leases fail. */
  close(): void {
    this.closed = true;
    for (const isolate of this.idle.splice(0)) isolate.dispose();
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('sandbox pool is closed'));
  }

  private create(): ivm.Isolate {
    return new ivm.Isolate({ memoryLimit: this.limits.memoryMib });
  }

  private acquire(): Promise<ivm.Isolate> {
    if (this.closed) return Promise.reject(new Error('sandbox pool is closed'));
    const ready = this.idle.pop();
    if (ready) return Promise.resolve(ready);
    if (this.live < this.limits.poolSize) {
      this.live += 1;
      return Promise.resolve(this.create());
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(isolate: ivm.Isolate): void {
    const usable = isolate.isDisposed ? this.create() : isolate;
    if (this.closed) {
      usable.dispose();
      this.live -= 1;
      return;
    }
    const next = this.waiting.shift();
    if (next) next.resolve(usable);
    else this.idle.push(usable);
  }

  private async runOnce(
    isolate: ivm.Isolate,
    harness: string,
    args: readonly string[],
    timeoutMs: number,
  ): Promise<RawScriptResult> {
    const context = await isolate.createContext();
    let timer: NodeJS.Timeout | undefined;
    try {
      const execution = context.evalClosure(harness, [...args], {
        timeout: timeoutMs,
        arguments: { copy: true },
        result: { promise: true, copy: true },
      }) as Promise<unknown>;
      // isolated-vm's timeout stops busy code; a script that just never finishes (a rule that never
      // calls back) needs the host's own clock.
      const deadline = new Promise<'deadline'>((resolve) => {
        timer = setTimeout(() => resolve('deadline'), timeoutMs);
      });
      const outcome = await Promise.race([execution, deadline]);
      if (outcome === 'deadline') {
        execution.catch(() => undefined);
        isolate.dispose();
        return { ok: false, kind: 'timeout', detail: `no result within ${timeoutMs} ms` };
      }
      if (typeof outcome !== 'string') return { ok: false, kind: 'invalid_output', detail: 'no JSON result' };
      const bytes = Buffer.byteLength(outcome, 'utf8');
      if (bytes > this.limits.maxOutputBytes) {
        return { ok: false, kind: 'output_too_large', detail: `${bytes} bytes` };
      }
      return { ok: true, json: outcome };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (MEMORY.test(message)) return { ok: false, kind: 'memory', detail: `over ${this.limits.memoryMib} MiB` };
      if (TIMED_OUT.test(message) || isolate.isDisposed) {
        return { ok: false, kind: 'timeout', detail: `over ${timeoutMs} ms` };
      }
      // The harness catches the script's own errors, so reaching here means the harness itself broke.
      return { ok: false, kind: 'invalid_output', detail: 'the script broke the sandbox harness' };
    } finally {
      clearTimeout(timer);
      if (!isolate.isDisposed) context.release();
    }
  }
}
