import { performance } from 'node:perf_hooks';
import type { HarnessKind } from './harness-sources';
import type { IsolateLease, IsolatePool, RawScriptResult, ScriptFailureKind } from './isolate-pool';
import type { LoginFacts } from './login-facts';
import { postLoginEvent, ruleContext, userProfile } from './login-facts';
import { claimDropReason } from './custom-claims';
import type {
  ActionToRun,
  ClaimSource,
  ConsoleLine,
  DroppedClaim,
  MultifactorDemand,
  PipelineResult,
  PipelineScripts,
  PipelineStop,
  RuleToRun,
  ScriptRef,
  ScriptRunStatus,
} from './pipeline-types';
import type { SandboxLimits } from './sandbox-limits';
import type { ActionCommand } from './script-output';
import { ActionOutput, asClaimObject, RuleOutput } from './script-output';

/** The access denial text for each way a script can fail without deciding to (§6.2 for the timeout). */
function failureMessage(kind: ScriptFailureKind, limits: SandboxLimits): string {
  switch (kind) {
    case 'timeout':
      return 'Request to Webtask exceeded allowed execution time';
    case 'memory':
      return `Script exceeded the sandbox memory limit of ${limits.memoryMib} MiB.`;
    case 'output_too_large':
      return `Script output exceeded ${limits.maxOutputBytes} bytes.`;
    case 'invalid_output':
      return 'Script produced no usable result.';
  }
}

/** Only the script's identity travels on: never its source or its secrets. */
const refOf = (script: ScriptRef): ScriptRef => ({ kind: script.kind, id: script.id, name: script.name });

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The harness returns JSON text; anything else means the script broke it. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The pipeline's state as the scripts change it. Maps, so no claim name can reach a prototype. */
class PipelineState {
  readonly access = new Map<string, unknown>();
  readonly id = new Map<string, unknown>();
  readonly sources = new Map<string, ScriptRef>();
  scope: string[];
  multifactor: MultifactorDemand | null = null;
  stop: PipelineStop | null = null;
  redirect: { url: string; script: ScriptRef } | null = null;
  readonly console: ConsoleLine[] = [];
  readonly runs: { script: ScriptRef; status: ScriptRunStatus; ms: number }[] = [];

  constructor(scope: readonly string[]) {
    this.scope = [...scope];
  }

  setClaim(token: 'access' | 'id', name: string, value: unknown, script: ScriptRef): void {
    (token === 'access' ? this.access : this.id).set(name, value);
    this.sources.set(`${token} ${name}`, script);
  }

  /** Takes a rule's token object: changed keys are attributed to the rule, missing keys were deleted. */
  replaceClaims(token: 'access' | 'id', next: Record<string, unknown>, script: ScriptRef): void {
    const claims = token === 'access' ? this.access : this.id;
    for (const name of [...claims.keys()]) {
      if (!Object.hasOwn(next, name)) {
        claims.delete(name);
        this.sources.delete(`${token} ${name}`);
      }
    }
    for (const [name, value] of Object.entries(next)) {
      if (token === 'access' && name === 'scope') continue;
      if (!claims.has(name) || !sameJson(claims.get(name), value)) this.setClaim(token, name, value, script);
    }
  }

  deny(script: ScriptRef, error: 'unauthorized' | 'access_denied', message: string, cause: ScriptRunStatus): void {
    this.stop = { kind: 'deny', error, message, script, cause };
  }
}

/** How a pipeline run uses the sandbox. */
export interface PipelineRunOptions {
  /**
   * Let each script run in the warm context of its version (default). A dry run passes false: it gets
   * fresh contexts, so it neither sees nor leaves state that logins would find.
   */
  readonly reuseContexts?: boolean;
}

/**
 * Runs one login's scripts: enabled rules in ascending order, then the actions bound to post-login
 * (auth0-wire.md §6.1 "Active Rules execute before post-login Actions"), in one pooled isolate, each
 * script in a context of its own (sandbox-isolate.ts). The whole run has `pipelineTimeoutMs`, each
 * script `scriptTimeoutMs`.
 */
export class PostLoginPipeline {
  constructor(
    private readonly pool: IsolatePool,
    private readonly limits: SandboxLimits,
  ) {}

  async run(scripts: PipelineScripts, facts: LoginFacts, options: PipelineRunOptions = {}): Promise<PipelineResult> {
    const state = new PipelineState(facts.scope);
    if (scripts.rules.length > 0 || scripts.actions.length > 0) {
      const deadline = performance.now() + this.limits.pipelineTimeoutMs;
      await this.pool.withLease(
        async (lease) => {
          for (const rule of scripts.rules) {
            await this.runRule(lease, rule, refOf(rule), facts, scripts.configuration, state, deadline);
            if (state.stop) return;
          }
          // A redirect is judged once every rule ran: a later rule may still clear context.redirect.
          if (state.redirect) {
            state.stop = { kind: 'redirect', ...state.redirect };
            return;
          }
          for (const action of scripts.actions) {
            await this.runAction(lease, action, refOf(action), facts, state, deadline);
            if (state.stop) return;
          }
        },
        { reuseContexts: options.reuseContexts ?? true },
      );
    }
    return this.result(state, facts);
  }

  private async execute(
    lease: IsolateLease,
    script: ScriptRef,
    harness: HarnessKind,
    input: unknown,
    source: string,
    state: PipelineState,
    deadline: number,
  ): Promise<RawScriptResult> {
    const started = performance.now();
    const budget = Math.min(this.limits.scriptTimeoutMs, Math.floor(deadline - started));
    const raw: RawScriptResult =
      budget <= 0
        ? { ok: false, kind: 'timeout', detail: 'pipeline budget spent' }
        : await lease.run({ harness, id: script.id, source }, JSON.stringify(input), budget);
    state.runs.push({ script, status: raw.ok ? 'ok' : raw.kind, ms: Math.round(performance.now() - started) });
    if (!raw.ok) state.deny(script, 'access_denied', failureMessage(raw.kind, this.limits), raw.kind);
    return raw;
  }

  private async runRule(
    lease: IsolateLease,
    script: RuleToRun,
    rule: ScriptRef,
    facts: LoginFacts,
    configuration: Readonly<Record<string, string>>,
    state: PipelineState,
    deadline: number,
  ): Promise<void> {
    const context = {
      ...ruleContext(facts, state.scope),
      accessToken: { ...Object.fromEntries(state.access), scope: [...state.scope] },
      idToken: Object.fromEntries(state.id),
      multifactor: state.multifactor
        ? { provider: state.multifactor.provider, allowRememberBrowser: state.multifactor.allowRememberBrowser }
        : undefined,
      redirect: state.redirect ? { url: state.redirect.url } : undefined,
    };
    const input = { limits: this.scriptLimits(), user: userProfile(facts), context, configuration };
    const raw = await this.execute(lease, rule, 'rule', input, script.source, state, deadline);
    if (!raw.ok) return;
    const parsed = RuleOutput.safeParse(parseJson(raw.json));
    if (!parsed.success) return this.invalid(rule, state);
    const output = parsed.data;
    state.console.push(...output.logs.map((log) => ({ script: rule, ...log })));
    if (output.status === 'error') {
      const { error } = output;
      const status = error.unauthorized ? 'unauthorized' : 'access_denied';
      this.markRun(state, 'denied');
      return state.deny(rule, status, error.message, 'denied');
    }
    const access = asClaimObject(output.context.accessToken) ?? {};
    const scope = access['scope'];
    if (Array.isArray(scope) && scope.every((item) => typeof item === 'string')) state.scope = [...new Set(scope)];
    state.replaceClaims('access', access, rule);
    state.replaceClaims('id', asClaimObject(output.context.idToken) ?? {}, rule);
    const multifactor = asClaimObject(output.context.multifactor);
    const provider = multifactor?.['provider'];
    state.multifactor =
      typeof provider === 'string' && provider !== 'none'
        ? { provider, allowRememberBrowser: multifactor?.['allowRememberBrowser'] === true, script: rule }
        : null;
    const url = asClaimObject(output.context.redirect)?.['url'];
    state.redirect = typeof url === 'string' ? { url, script: rule } : null;
  }

  private async runAction(
    lease: IsolateLease,
    script: ActionToRun,
    action: ScriptRef,
    facts: LoginFacts,
    state: PipelineState,
    deadline: number,
  ): Promise<void> {
    const input = {
      limits: this.scriptLimits(),
      event: postLoginEvent(facts, script.secrets),
    };
    const raw = await this.execute(lease, action, 'action', input, script.source, state, deadline);
    if (!raw.ok) return;
    const parsed = ActionOutput.safeParse(parseJson(raw.json));
    if (!parsed.success) return this.invalid(action, state);
    const output = parsed.data;
    state.console.push(...output.logs.map((log) => ({ script: action, ...log })));
    for (const command of output.commands) this.apply(command, action, state);
    if (state.stop) return this.markRun(state, 'denied');
    if (output.status === 'error') {
      this.markRun(state, 'error');
      return state.deny(action, 'access_denied', output.error?.message ?? '', 'error');
    }
    if (state.redirect) state.stop = { kind: 'redirect', ...state.redirect };
  }

  private apply(command: ActionCommand, action: ScriptRef, state: PipelineState): void {
    if (state.stop) return;
    switch (command.op) {
      case 'deny':
        return state.deny(action, 'access_denied', command.reason, 'denied');
      case 'accessToken.setCustomClaim':
        return state.setClaim('access', command.name, command.value, action);
      case 'idToken.setCustomClaim':
        return state.setClaim('id', command.name, command.value, action);
      case 'accessToken.addScope':
        if (!state.scope.includes(command.scope)) state.scope.push(command.scope);
        return;
      case 'accessToken.removeScope':
        state.scope = state.scope.filter((scope) => scope !== command.scope);
        return;
      case 'multifactor.enable':
        state.multifactor =
          command.provider === 'none'
            ? null
            : { provider: command.provider, allowRememberBrowser: command.allowRememberBrowser, script: action };
        return;
      case 'redirect':
        state.redirect = { url: command.url, script: action };
        return;
    }
  }

  /** Console output may use at most a quarter of the output cap, so logging alone never fails a login. */
  private scriptLimits(): { maxConsoleBytes: number } {
    return { maxConsoleBytes: Math.min(this.limits.maxConsoleBytes, Math.floor(this.limits.maxOutputBytes / 4)) };
  }

  private invalid(script: ScriptRef, state: PipelineState): void {
    this.markRun(state, 'invalid_output');
    state.deny(script, 'access_denied', failureMessage('invalid_output', this.limits), 'invalid_output');
  }

  private markRun(state: PipelineState, status: ScriptRunStatus): void {
    const last = state.runs.at(-1);
    if (last) last.status = status;
  }

  /** Drops the claims Auth0 would drop (§5.5) and reports where each surviving claim came from. */
  private result(state: PipelineState, facts: LoginFacts): PipelineResult {
    const provenance: ClaimSource[] = [];
    const dropped: DroppedClaim[] = [];
    const keep = (token: 'access' | 'id', claims: Map<string, unknown>) => {
      const kept: [string, unknown][] = [];
      for (const [claim, value] of claims) {
        const script = state.sources.get(`${token} ${claim}`);
        if (!script) continue;
        const reason = claimDropReason(claim, value, token, facts.api);
        if (reason) dropped.push({ token, claim, script, reason });
        else {
          kept.push([claim, value]);
          provenance.push({ token, claim, script });
        }
      }
      // fromEntries defines own properties: a surviving claim can never act as a prototype setter.
      return Object.fromEntries(kept);
    };
    return {
      stop: state.stop,
      accessTokenClaims: keep('access', state.access),
      idTokenClaims: keep('id', state.id),
      scope: state.scope,
      multifactor: state.multifactor,
      provenance,
      dropped,
      console: state.console,
      runs: state.runs,
    };
  }
}
