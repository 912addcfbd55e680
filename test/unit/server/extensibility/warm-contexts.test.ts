import { afterAll, describe, expect, it } from 'vitest';
import { IsolatePool } from '../../../../server/extensibility/isolate-pool';
import type { PipelineRunOptions } from '../../../../server/extensibility/pipeline';
import { PostLoginPipeline } from '../../../../server/extensibility/pipeline';
import type { PipelineResult } from '../../../../server/extensibility/pipeline-types';
import type { SandboxLimitsInput } from '../../../../server/extensibility/sandbox-limits';
import { SandboxLimitsSchema } from '../../../../server/extensibility/sandbox-limits';
import { loginFactsFixture } from '../../../support/server/login-facts-fixture';

// One isolate, so every run of a script lands on the same warm context unless it was thrown away.
const pools: IsolatePool[] = [];
function sandbox(overrides: SandboxLimitsInput = {}) {
  const limits = SandboxLimitsSchema.parse({
    poolSize: 1,
    scriptTimeoutMs: 300,
    pipelineTimeoutMs: 2_000,
    memoryMib: 16,
    maxOutputBytes: 4_096,
    ...overrides,
  });
  const pool = new IsolatePool(limits);
  pools.push(pool);
  return { pool, pipeline: new PostLoginPipeline(pool, limits) };
}
afterAll(() => {
  for (const pool of pools) pool.close();
});

const CLAIM = 'https://x.test/count';

/**
 * Counts its runs in `global` and reports the count as a claim. `configuration.mode` makes one run
 * misbehave: `loop` (timeout), `big` (output over the cap), `throw` (an ordinary script error).
 */
const COUNTING_RULE = `function (user, context, callback) {
  global.count = (global.count || 0) + 1;
  if (configuration.mode === 'loop') { while (true) {} }
  if (configuration.mode === 'big') context.idToken['https://x.test/big'] = 'x'.repeat(10000);
  if (configuration.mode === 'throw') return callback(new Error('planned'));
  context.idToken['${CLAIM}'] = global.count;
  callback(null, user, context);
}`;

type Pipeline = ReturnType<typeof sandbox>['pipeline'];

function runRule(
  pipeline: Pipeline,
  id: string,
  source: string,
  mode = '',
  options?: PipelineRunOptions,
): Promise<PipelineResult> {
  return pipeline.run(
    { rules: [{ kind: 'rule', id, name: id, source }], actions: [], configuration: { mode } },
    loginFactsFixture(),
    options,
  );
}

const count = (result: PipelineResult) => result.idTokenClaims[CLAIM];

describe('warm sandbox contexts: one per script version, reused across logins', () => {
  it('keeps a rule’s global between its runs, as Auth0 does within a container', async () => {
    const { pipeline } = sandbox();
    expect(count(await runRule(pipeline, 'rul_count', COUNTING_RULE))).toBe(1);
    expect(count(await runRule(pipeline, 'rul_count', COUNTING_RULE))).toBe(2);
    expect(count(await runRule(pipeline, 'rul_count', COUNTING_RULE))).toBe(3);
  });

  it('gives a changed script version a new context: the old version’s globals are gone', async () => {
    const { pipeline } = sandbox();
    await runRule(pipeline, 'rul_count', COUNTING_RULE);
    await runRule(pipeline, 'rul_count', COUNTING_RULE);
    const edited = COUNTING_RULE.replace('callback(null, user, context);', 'return callback(null, user, context);');
    expect(count(await runRule(pipeline, 'rul_count', edited))).toBe(1);
    expect(count(await runRule(pipeline, 'rul_count', edited))).toBe(2);
  });

  it('never lets one script see another script’s globals, even with the same source', async () => {
    const { pipeline } = sandbox();
    const leaky = `function (user, context, callback) {
      context.idToken['https://x.test/seen'] = [typeof globalThis.planted, typeof global.planted].join(',');
      globalThis.planted = 'from ' + context.clientID;
      global.planted = 'secret';
      callback(null, user, context);
    }`;
    const first = await pipeline.run(
      {
        rules: [
          { kind: 'rule', id: 'rul_a', name: 'a', source: leaky },
          { kind: 'rule', id: 'rul_b', name: 'b', source: leaky },
        ],
        actions: [],
        configuration: {},
      },
      loginFactsFixture(),
    );
    expect(first.idTokenClaims['https://x.test/seen']).toBe('undefined,undefined');
    // rul_a's own next run does see what it planted; rul_c (same source, never run) does not.
    expect((await runRule(pipeline, 'rul_a', leaky)).idTokenClaims['https://x.test/seen']).toBe('string,string');
    expect((await runRule(pipeline, 'rul_c', leaky)).idTokenClaims['https://x.test/seen']).toBe('undefined,undefined');

    const action = await pipeline.run(
      {
        rules: [],
        actions: [
          {
            kind: 'action',
            id: 'rul_a',
            name: 'same id, other kind',
            source: `exports.onExecutePostLogin = async (event, api) => {
              api.idToken.setCustomClaim('https://x.test/seen', typeof globalThis.planted);
            };`,
            secrets: {},
          },
        ],
        configuration: {},
      },
      loginFactsFixture(),
    );
    expect(action.idTokenClaims['https://x.test/seen']).toBe('undefined');
  });

  it('keeps an action’s module scope between runs, with a fresh api and console capture each run', async () => {
    const { pipeline } = sandbox();
    const source = `let runs = 0;
      exports.onExecutePostLogin = async (event, api) => {
        runs += 1;
        console.log('run', runs);
        api.idToken.setCustomClaim('${CLAIM}', runs);
      };`;
    const run = () =>
      pipeline.run(
        {
          rules: [],
          actions: [{ kind: 'action', id: 'act_count', name: 'count', source, secrets: {} }],
          configuration: {},
        },
        loginFactsFixture(),
      );
    expect(count(await run())).toBe(1);
    const second = await run();
    expect(count(second)).toBe(2);
    expect(second.console.map((line) => line.line)).toEqual(['run 2']);
  });

  it('throws a context away after a timeout or oversized output, but not after a script error', async () => {
    const { pipeline } = sandbox();
    await runRule(pipeline, 'rul_count', COUNTING_RULE);
    expect((await runRule(pipeline, 'rul_count', COUNTING_RULE, 'throw')).stop).toMatchObject({ cause: 'denied' });
    // A script error is the script's own outcome: its context (count 2) is kept.
    expect(count(await runRule(pipeline, 'rul_count', COUNTING_RULE))).toBe(3);

    expect((await runRule(pipeline, 'rul_count', COUNTING_RULE, 'loop')).stop).toMatchObject({ cause: 'timeout' });
    expect(count(await runRule(pipeline, 'rul_count', COUNTING_RULE))).toBe(1);

    expect((await runRule(pipeline, 'rul_count', COUNTING_RULE, 'big')).stop).toMatchObject({
      cause: 'output_too_large',
    });
    expect(count(await runRule(pipeline, 'rul_count', COUNTING_RULE))).toBe(1);
  });

  it('keeps the harness working for later runs when a script replaces the globals it relies on', async () => {
    const { pipeline } = sandbox();
    const tampering = `function (user, context, callback) {
      global.count = (global.count || 0) + 1;
      if (global.count === 1) {
        JSON.parse = () => ({});
        JSON.stringify = () => '{}';
        globalThis.Promise = function () { return 42; };
      }
      context.idToken['${CLAIM}'] = global.count;
      callback(null, user, context);
    }`;
    expect(count(await runRule(pipeline, 'rul_tamper', tampering))).toBe(1);
    expect(count(await runRule(pipeline, 'rul_tamper', tampering))).toBe(2);
  });

  it('throws every context away after a memory failure', async () => {
    const { pipeline, pool } = sandbox({ scriptTimeoutMs: 10_000, pipelineTimeoutMs: 10_000 });
    await runRule(pipeline, 'rul_count', COUNTING_RULE);
    const bomb = `function (user, context, callback) {
      const hoard = [];
      for (;;) hoard.push(new Array(1e6).fill(Math.random()));
    }`;
    expect((await runRule(pipeline, 'rul_bomb', bomb)).stop).toMatchObject({ cause: 'memory' });
    expect(pool.warmContexts).toBe(0);
    expect(count(await runRule(pipeline, 'rul_count', COUNTING_RULE))).toBe(1);
  });

  it('replaces a context after contextMaxRuns runs', async () => {
    const { pipeline } = sandbox({ contextMaxRuns: 2 });
    const counts = [];
    for (let i = 0; i < 5; i += 1) counts.push(count(await runRule(pipeline, 'rul_count', COUNTING_RULE)));
    expect(counts).toEqual([1, 2, 1, 2, 1]);
  });

  it('drops warm contexts once the heap passes half its limit, before a hoarding script fails a login', async () => {
    const { pipeline } = sandbox({ memoryMib: 16 });
    const hoarding = COUNTING_RULE.replace(
      'global.count = (global.count || 0) + 1;',
      // About 0.6 MiB of doubles per run.
      'global.count = (global.count || 0) + 1; (global.hoard = global.hoard || []).push(new Array(65536).fill(global.count + 0.5));',
    );
    const results = [];
    for (let i = 0; i < 20; i += 1) results.push(await runRule(pipeline, 'rul_hoard', hoarding));
    expect(results.map((result) => result.stop)).toEqual(results.map(() => null));
    const counts = results.map(count);
    // 16 runs hold over 8 MiB: the heap check after the 16th run finds it and the next run starts afresh.
    const restart = counts.indexOf(1, 1);
    expect(restart).toBeGreaterThan(1);
    expect(counts.slice(0, restart)).toEqual(Array.from({ length: restart }, (_, i) => i + 1));
  });

  it('keeps at most warmContextsPerIsolate contexts, dropping the least recently used', async () => {
    const { pipeline, pool } = sandbox({ warmContextsPerIsolate: 2 });
    await runRule(pipeline, 'rul_1', COUNTING_RULE);
    await runRule(pipeline, 'rul_2', COUNTING_RULE);
    await runRule(pipeline, 'rul_1', COUNTING_RULE);
    await runRule(pipeline, 'rul_3', COUNTING_RULE);
    expect(pool.warmContexts).toBe(2);
    expect(count(await runRule(pipeline, 'rul_1', COUNTING_RULE))).toBe(3);
    expect(count(await runRule(pipeline, 'rul_2', COUNTING_RULE))).toBe(1);
  });

  it('runs a dry run in fresh contexts that neither see nor change what logins keep', async () => {
    const { pipeline } = sandbox();
    await runRule(pipeline, 'rul_count', COUNTING_RULE);
    const dry = await runRule(pipeline, 'rul_count', COUNTING_RULE, '', { reuseContexts: false });
    expect(count(dry)).toBe(1);
    expect(count(await runRule(pipeline, 'rul_count', COUNTING_RULE))).toBe(2);
  });
});
