import { afterAll, describe, expect, it } from 'vitest';
import { IsolatePool } from '../../../../server/extensibility/isolate-pool';
import { PostLoginPipeline } from '../../../../server/extensibility/pipeline';
import type { PipelineResult } from '../../../../server/extensibility/pipeline-types';
import { SandboxLimitsSchema } from '../../../../server/extensibility/sandbox-limits';
import { loginFactsFixture } from '../../../support/server/login-facts-fixture';

// Small budgets keep the suite fast; the defaults (5 s / 20 s / 64 MiB) are tested in sandbox-limits.
const limits = SandboxLimitsSchema.parse({
  scriptTimeoutMs: 300,
  pipelineTimeoutMs: 1_000,
  memoryMib: 16,
  maxOutputBytes: 4_096,
});
const pool = new IsolatePool(limits);
const pipeline = new PostLoginPipeline(pool, limits);
afterAll(() => pool.close());

function runRule(source: string): Promise<PipelineResult> {
  return pipeline.run(
    { rules: [{ kind: 'rule', id: 'rul_attack', name: 'attack', source }], actions: [], configuration: {} },
    loginFactsFixture(),
  );
}

function runAction(source: string): Promise<PipelineResult> {
  return pipeline.run(
    { rules: [], actions: [{ kind: 'action', id: 'act', name: 'attack', source, secrets: {} }], configuration: {} },
    loginFactsFixture(),
  );
}

/** A rule that reports `expression` (evaluated inside the sandbox, errors caught) as an ID-token claim. */
function probe(expression: string): Promise<PipelineResult> {
  return runRule(`function (user, context, callback) {
    let value;
    try { value = ${expression}; } catch (error) { value = 'threw ' + error.name; }
    context.idToken['https://x.test/probe'] = String(value);
    callback(null, user, context);
  }`);
}

const probed = (result: PipelineResult) => result.idTokenClaims['https://x.test/probe'];

describe('sandbox escape attempts (design/security.md) all fail with no effect on the host', () => {
  it('this.constructor.constructor("return process")() finds no process', async () => {
    expect(probed(await probe(`typeof this.constructor.constructor('return process')()`))).toBe('threw ReferenceError');
    expect(probed(await probe(`this.constructor.constructor('return process')().exit(1)`))).toBe(
      'threw ReferenceError',
    );
    expect(probed(await probe(`callback.constructor('return typeof process')()`))).toBe('undefined');
  });

  it('require, process, Buffer, timers and fetch do not exist', async () => {
    expect(probed(await probe(`require('fs')`))).toBe('threw ReferenceError');
    expect(probed(await probe(`process.env.HOME`))).toBe('threw ReferenceError');
    expect(
      probed(
        await probe(
          `['require', 'process', 'module', 'Buffer', 'setTimeout', 'setInterval', 'fetch', 'XMLHttpRequest', 'WebSocket', '_ivm']
             .filter((name) => typeof globalThis[name] !== 'undefined').join(',') || 'none'`,
        ),
      ),
    ).toBe('none');
  });

  it('dynamic import() is refused and the login is denied', async () => {
    const result = await runRule(`async function (user, context, callback) {
      const fs = await import('node:fs');
      context.idToken['https://x.test/leak'] = fs.readFileSync('/etc/passwd', 'utf8');
      callback(null, user, context);
    }`);
    expect(result.stop).toMatchObject({ kind: 'deny', error: 'access_denied' });
    expect(result.idTokenClaims).toEqual({});
  });

  it('globalThis tricks reach only the sandbox global', async () => {
    expect(probed(await probe(`Function('return this')() === globalThis`))).toBe('true');
    expect(probed(await probe(`globalThis.constructor.constructor('return typeof process')()`))).toBe('undefined');
    expect(
      probed(
        await probe(`Object.getOwnPropertyNames(globalThis).filter((n) => /process|require|ivm/i.test(n)).length`),
      ),
    ).toBe('0');
  });

  it('stack-frame tricks (Error.prepareStackTrace) expose no host object', async () => {
    const result = await probe(`(() => {
      Error.prepareStackTrace = (_error, frames) => frames.map((frame) => {
        const self = frame.getThis && frame.getThis();
        return self && self.process ? 'HOST' : typeof self;
      });
      return new Error('x').stack.includes('HOST') ? 'escaped' : 'contained';
    })()`);
    expect(probed(result)).toBe('contained');
  });

  it('prototype pollution stays in the script context: not on the host, not in the next run', async () => {
    const polluted = await probe(`(() => {
      Object.prototype.polluted = 'yes';
      Array.prototype.push = () => 0;
      JSON.parse = () => ({ hacked: true });
      return 'done';
    })()`);
    expect(probed(polluted)).toBe('done');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect([1].push(2)).toBe(2);
    expect(JSON.parse('{"a":1}')).toEqual({ a: 1 });

    expect(probed(await probe(`String(({}).polluted) + ' ' + [].push(1)`))).toBe('undefined 1');
  });

  it('a claim named __proto__ cannot set the prototype of the host claim objects', async () => {
    const result = await runAction(`exports.onExecutePostLogin = async (event, api) => {
      api.idToken.setCustomClaim('__proto__', { isAdmin: true });
      api.accessToken.setCustomClaim('constructor', { prototype: { isAdmin: true } });
    };`);
    expect(result.stop).toBeNull();
    expect(Object.getPrototypeOf(result.idTokenClaims)).toBe(Object.prototype);
    expect((result.idTokenClaims as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect(result.dropped.map((d) => d.reason)).toEqual(['restricted', 'restricted']);
  });
});

describe('scripts that misbehave fail their login with access_denied and a named cause', () => {
  it('a busy loop times out (Auth0 text) within its budget', async () => {
    const started = Date.now();
    const result = await runRule(`function (user, context, callback) { while (true) {} }`);
    expect(result.stop).toMatchObject({
      kind: 'deny',
      error: 'access_denied',
      message: 'Request to Webtask exceeded allowed execution time',
      cause: 'timeout',
    });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('a rule that never calls back times out on the host clock', async () => {
    const result = await runRule(`function (user, context, callback) { /* forgot the callback */ }`);
    expect(result.stop).toMatchObject({ cause: 'timeout' });
  });

  it('an async busy loop in an action times out too', async () => {
    const result = await runAction(`exports.onExecutePostLogin = async () => { for (;;) { await null; } };`);
    expect(result.stop).toMatchObject({ cause: 'timeout', error: 'access_denied' });
  });

  it('a memory bomb hits the memory limit, and the next login gets a working isolate', async () => {
    // V8 needs about a second of garbage collection to give up, so this pipeline has a longer budget.
    const roomy = SandboxLimitsSchema.parse({ ...limits, scriptTimeoutMs: 10_000, pipelineTimeoutMs: 10_000 });
    const bombPool = new IsolatePool(roomy);
    const result = await new PostLoginPipeline(bombPool, roomy).run(
      {
        rules: [
          {
            kind: 'rule',
            id: 'rul_bomb',
            name: 'bomb',
            source: `function (user, context, callback) {
      const hoard = [];
      for (;;) hoard.push(new Array(1e6).fill(Math.random()));
    }`,
          },
        ],
        actions: [],
        configuration: {},
      },
      loginFactsFixture(),
    );
    bombPool.close();
    expect(result.stop).toMatchObject({ kind: 'deny', error: 'access_denied', cause: 'memory' });
    expect(result.stop && 'message' in result.stop ? result.stop.message : '').toMatch(/memory limit of 16 MiB/);

    expect(probed(await probe(`1 + 1`))).toBe('2');
  });

  it('output over the cap fails the login instead of reaching the tokens', async () => {
    const result = await runRule(`function (user, context, callback) {
      context.idToken['https://x.test/big'] = 'x'.repeat(10000);
      callback(null, user, context);
    }`);
    expect(result.stop).toMatchObject({ cause: 'output_too_large', message: 'Script output exceeded 4096 bytes.' });
    expect(result.idTokenClaims).toEqual({});
  });

  it('console output is capped without failing the login', async () => {
    const result = await runRule(`function (user, context, callback) {
      for (let i = 0; i < 10000; i++) console.log('line', i);
      callback(null, user, context);
    }`);
    expect(result.stop).toBeNull();
    expect(result.console.at(-1)?.line).toBe('[console output cut]');
    expect(result.console.reduce((sum, entry) => sum + entry.line.length, 0)).toBeLessThanOrEqual(1_024);
  });

  it('a script that breaks the harness (JSON.stringify replaced) yields no usable result', async () => {
    const result = await runRule(
      `function (user, context, callback) { JSON.stringify = () => '{"status":"ok"'; callback(null, user, context); }`,
    );
    expect(result.stop).toBeNull();
    const broken = await runRule(
      `function (user, context, callback) { callback(null, user, { accessToken: { toJSON() { throw new Error('no'); } } }); }`,
    );
    expect(broken.stop).toMatchObject({ kind: 'deny', error: 'access_denied' });
  });

  it('the pipeline budget bounds several slow scripts together', async () => {
    const slow = `function (user, context, callback) { const end = Date.now() + 250; while (Date.now() < end) {} callback(null, user, context); }`;
    const started = Date.now();
    const result = await pipeline.run(
      {
        rules: [1, 2, 3, 4, 5].map((n) => ({ kind: 'rule' as const, id: `rul_${n}`, name: `slow ${n}`, source: slow })),
        actions: [],
        configuration: {},
      },
      loginFactsFixture(),
    );
    expect(result.stop).toMatchObject({ cause: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_800);
    expect(result.runs.length).toBeLessThan(5);
  });
});
