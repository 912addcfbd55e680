import type { RawScriptResult, ScriptProgram } from './sandbox-isolate';
import { SandboxIsolate } from './sandbox-isolate';
import type { SandboxLimits } from './sandbox-limits';

export type { RawScriptResult, ScriptFailureKind, ScriptProgram } from './sandbox-isolate';

/** One isolate checked out of the pool for the scripts of one login. */
export interface IsolateLease {
  /**
   * Runs `program` on `inputJson` and returns its JSON result. Only strings cross the boundary: a JSON
   * copy in, one JSON string out (design/security.md).
   */
  run(program: ScriptProgram, inputJson: string, timeoutMs: number): Promise<RawScriptResult>;
}

export interface LeaseOptions {
  /**
   * Whether scripts may run in (and leave behind) warm contexts of their own version. Logins do; a dry
   * run does not, so it neither sees nor changes the state later logins will find.
   */
  readonly reuseContexts: boolean;
}

/**
 * A small pool of sandbox isolates (sandbox-isolate.ts). A login checks one out, runs its scripts there
 * one after another, and returns it, so no context is ever used by two logins at once. An isolate that
 * hit a limit is disposed and replaced, so no half-finished state is ever reused. isolated-vm runs
 * scripts on its own threads, so the event loop, and with it `/health` and other logins, keeps going
 * meanwhile.
 */
export class IsolatePool {
  private readonly idle: SandboxIsolate[] = [];
  private readonly waiting: { resolve: (isolate: SandboxIsolate) => void; reject: (error: Error) => void }[] = [];
  private live = 0;
  private closed = false;

  constructor(private readonly limits: SandboxLimits) {}

  /** Runs `work` with an isolate of its own, and returns the isolate afterwards. */
  async withLease<T>(
    work: (lease: IsolateLease) => Promise<T>,
    options: LeaseOptions = { reuseContexts: true },
  ): Promise<T> {
    let isolate = await this.acquire();
    const lease: IsolateLease = {
      run: async (program, inputJson, timeoutMs) => {
        if (isolate.isDisposed) isolate = this.create();
        return isolate.run(program, inputJson, timeoutMs, options.reuseContexts);
      },
    };
    try {
      return await work(lease);
    } finally {
      this.release(isolate);
    }
  }

  /** Warm contexts across the idle isolates (for tests and diagnostics). */
  get warmContexts(): number {
    return this.idle.reduce((sum, isolate) => sum + isolate.warmContexts, 0);
  }

  /** Disposes every isolate. Later leases fail. */
  close(): void {
    this.closed = true;
    for (const isolate of this.idle.splice(0)) isolate.dispose();
    for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('sandbox pool is closed'));
  }

  private create(): SandboxIsolate {
    return new SandboxIsolate(this.limits);
  }

  private acquire(): Promise<SandboxIsolate> {
    if (this.closed) return Promise.reject(new Error('sandbox pool is closed'));
    const ready = this.idle.pop();
    if (ready) return Promise.resolve(ready);
    if (this.live < this.limits.poolSize) {
      this.live += 1;
      return Promise.resolve(this.create());
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(isolate: SandboxIsolate): void {
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
}
