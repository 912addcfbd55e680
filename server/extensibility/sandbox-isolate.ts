import ivm from 'isolated-vm';
import type { HarnessKind } from './harness-sources';
import { harnessSources } from './harness-sources';
import type { SandboxLimits } from './sandbox-limits';

/** Why a script produced no usable result. */
export type ScriptFailureKind = 'timeout' | 'memory' | 'output_too_large' | 'invalid_output';

/** The raw outcome of one script: its JSON text, or why there is none. */
export type RawScriptResult =
  | { readonly ok: true; readonly json: string }
  | { readonly ok: false; readonly kind: ScriptFailureKind; readonly detail: string };

/** One script version as the sandbox runs it. */
export interface ScriptProgram {
  readonly harness: HarnessKind;
  /** The rule or action id. Together with the harness and the exact source, what a warm context serves. */
  readonly id: string;
  readonly source: string;
}

/** A context that has the harness set up for one script version, kept for that version's later runs. */
interface WarmContext {
  readonly source: string;
  readonly context: ivm.Context;
  readonly run: ivm.Reference<(inputJson: string) => unknown>;
  runs: number;
}

/** Messages isolated-vm uses; there are no error codes to test instead. */
const TIMED_OUT = /timed out/i;
const MEMORY = /memory limit/i;

/** Past this share of the heap limit, warm contexts are dropped so their globals cannot crowd a login out. */
const HEAP_SHARE_FOR_WARM_CONTEXTS = 0.5;
/**
 * The heap is checked every this many runs: reading it takes the isolate's lock, which costs more than
 * a typical rule, and growing by half the limit takes more than a few runs of any script that still works.
 */
const HEAP_CHECK_EVERY_RUNS = 16;

/**
 * One isolated-vm isolate and the warm contexts in it.
 *
 * Creating a context and compiling the harness cost more than running a typical rule, so each script
 * version keeps a context of its own and reuses it run after run. That is also Auth0's behaviour: a
 * rule's `global` (and an action's module scope) survives between executions in the same container
 * (https://auth0.com/docs/customize/rules/cache-resources). Isolation between scripts is unchanged: a
 * context belongs to exactly one (harness, id, source), so two scripts, or two versions of one script,
 * never see each other's globals. A context is thrown away when its script changes, when a run failed in
 * a way that may leave it half-finished (timeout, memory, oversized or unusable output), after
 * `contextMaxRuns` runs, when the heap passes half its limit, and when the least recently used context
 * has to make room. A timeout or memory failure disposes the whole isolate, as before.
 */
export class SandboxIsolate {
  private readonly isolate: ivm.Isolate;
  /** Harnesses compiled once for this isolate; a compiled script can run in any of its contexts. */
  private readonly harnesses = new Map<HarnessKind, ivm.Script>();
  /** Keyed by `harness:id`; Map order is least recently used first. */
  private readonly warm = new Map<string, WarmContext>();
  private runsSinceHeapCheck = 0;

  constructor(private readonly limits: SandboxLimits) {
    this.isolate = new ivm.Isolate({ memoryLimit: limits.memoryMib });
  }

  get isDisposed(): boolean {
    return this.isolate.isDisposed;
  }

  /** How many warm contexts this isolate holds (for tests and diagnostics). */
  get warmContexts(): number {
    return this.warm.size;
  }

  /**
   * Runs `program` on `inputJson`. With `reuse`, a warm context of the same script version serves the
   * run and stays warm afterwards; without, a fresh context is made and released.
   */
  async run(program: ScriptProgram, inputJson: string, timeoutMs: number, reuse: boolean): Promise<RawScriptResult> {
    let prepared: WarmContext;
    try {
      prepared = await this.contextFor(program, reuse);
    } catch (error) {
      return this.failure(error, timeoutMs);
    }
    const result = await this.execute(prepared, inputJson, timeoutMs);
    if (this.isolate.isDisposed) {
      this.warm.clear();
      return result;
    }
    prepared.runs += 1;
    const keep = reuse && result.ok && prepared.runs < this.limits.contextMaxRuns;
    if (keep) this.warm.set(keyOf(program), prepared);
    else this.release(prepared);
    if (keep && this.heapIsCrowded()) this.dropWarmContexts();
    return result;
  }

  /** Disposes the isolate and with it every context. */
  dispose(): void {
    this.warm.clear();
    if (!this.isolate.isDisposed) this.isolate.dispose();
  }

  /**
   * With `reuse`, the warm context of this script version, taken out of the cache while it runs, or a
   * new one. Without, always a new one, and the cache is left as it is.
   */
  private async contextFor(program: ScriptProgram, reuse: boolean): Promise<WarmContext> {
    if (!reuse) return this.createContext(program);
    const key = keyOf(program);
    const cached = this.warm.get(key);
    if (cached) {
      this.warm.delete(key);
      if (cached.source === program.source) return cached;
      // The script changed: the old version's context, and its globals, are of no more use.
      this.release(cached);
    }
    this.makeRoom();
    return this.createContext(program);
  }

  /** A new context with the harness set up for `program` (the script itself loads on its first run). */
  private async createContext(program: ScriptProgram): Promise<WarmContext> {
    const context = await this.isolate.createContext();
    try {
      const setup = (await this.harness(program.harness).run(context, {
        reference: true,
        timeout: this.limits.scriptTimeoutMs,
      })) as ivm.Reference<(source: string) => unknown>;
      const run = (await setup.apply(undefined, [program.source], {
        arguments: { copy: true },
        result: { reference: true },
        timeout: this.limits.scriptTimeoutMs,
      })) as ivm.Reference<(inputJson: string) => unknown>;
      setup.release();
      return { source: program.source, context, run, runs: 0 };
    } catch (error) {
      if (!this.isolate.isDisposed) context.release();
      throw error;
    }
  }

  private harness(kind: HarnessKind): ivm.Script {
    let script = this.harnesses.get(kind);
    if (!script) {
      script = this.isolate.compileScriptSync(harnessSources[kind], { filename: `gatehouse:${kind}-harness` });
      this.harnesses.set(kind, script);
    }
    return script;
  }

  private async execute(prepared: WarmContext, inputJson: string, timeoutMs: number): Promise<RawScriptResult> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const execution = prepared.run.apply(undefined, [inputJson], {
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
        // The script may still hold a runaway promise chain: never reuse this isolate.
        this.dispose();
        return { ok: false, kind: 'timeout', detail: `no result within ${timeoutMs} ms` };
      }
      if (typeof outcome !== 'string') return { ok: false, kind: 'invalid_output', detail: 'no JSON result' };
      const bytes = Buffer.byteLength(outcome, 'utf8');
      if (bytes > this.limits.maxOutputBytes) {
        return { ok: false, kind: 'output_too_large', detail: `${bytes} bytes` };
      }
      return { ok: true, json: outcome };
    } catch (error) {
      return this.failure(error, timeoutMs);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Classifies an error thrown across the boundary; a timeout or memory failure disposes the isolate. */
  private failure(error: unknown, timeoutMs: number): RawScriptResult {
    const message = error instanceof Error ? error.message : String(error);
    if (MEMORY.test(message)) {
      this.dispose();
      return { ok: false, kind: 'memory', detail: `over ${this.limits.memoryMib} MiB` };
    }
    if (TIMED_OUT.test(message) || this.isolate.isDisposed) {
      this.dispose();
      return { ok: false, kind: 'timeout', detail: `over ${timeoutMs} ms` };
    }
    // The harness catches the script's own errors, so reaching here means the harness itself broke.
    return { ok: false, kind: 'invalid_output', detail: 'the script broke the sandbox harness' };
  }

  /** Keeps at most `warmContextsPerIsolate - 1` before a new one is added. */
  private makeRoom(): void {
    while (this.warm.size > 0 && this.warm.size >= this.limits.warmContextsPerIsolate) {
      const [oldestKey, oldest] = this.warm.entries().next().value as [string, WarmContext];
      this.warm.delete(oldestKey);
      this.release(oldest);
    }
  }

  private heapIsCrowded(): boolean {
    this.runsSinceHeapCheck += 1;
    if (this.runsSinceHeapCheck < HEAP_CHECK_EVERY_RUNS) return false;
    this.runsSinceHeapCheck = 0;
    const { used_heap_size: used } = this.isolate.getHeapStatisticsSync();
    return used > this.limits.memoryMib * 1024 * 1024 * HEAP_SHARE_FOR_WARM_CONTEXTS;
  }

  private dropWarmContexts(): void {
    for (const cached of this.warm.values()) this.release(cached);
    this.warm.clear();
  }

  private release(prepared: WarmContext): void {
    if (this.isolate.isDisposed) return;
    prepared.run.release();
    prepared.context.release();
  }
}

const keyOf = (program: ScriptProgram) => `${program.harness}:${program.id}`;
