import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cheapArgon2 } from '../../support/server/cheap-hasher';
import { addRule, adminClient, realmLogin, waitForLogEvent } from '../../support/server/extensibility-admin';
import { decodePayload, get } from '../../support/server/http';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';

// Small budgets keep this fast; the defaults (64 MiB, 5 s per script, 20 s per login) are unit-tested.
const SCRIPT_TIMEOUT_MS = 3_000;
let server: TestServer;

const onlyFor = (marker: string, body: string) => `function (user, context, callback) {
  if (context.request.userAgent !== '${marker}') return callback(null, user, context);
  ${body}
}`;
const ua = (marker: string) => ({ 'user-agent': marker });

beforeAll(async () => {
  server = await startTestServer({
    server: {
      passwordHasher: await cheapArgon2(),
      extensibility: {
        sandbox: { scriptTimeoutMs: SCRIPT_TIMEOUT_MS, pipelineTimeoutMs: 6_000, memoryMib: 16, maxOutputBytes: 8_192 },
      },
    },
  });
  const admin = await adminClient(server);
  let order = 10;
  const add = (name: string, marker: string, body: string) =>
    addRule(admin, { name, order: order++, script: onlyFor(marker, body) });
  await add('loop', 'probe-loop', 'while (true) {}');
  await add('memory bomb', 'probe-oom', 'const hoard = []; for (;;) hoard.push(new Array(1e6).fill(Math.random()));');
  await add(
    'huge output',
    'probe-big',
    `context.idToken['https://x.test/big'] = 'x'.repeat(50000); callback(null, user, context);`,
  );
  await add('throws', 'probe-throw', `null.boom;`);
  await add(
    'escape',
    'probe-escape',
    `const process = this.constructor.constructor('return process')(); process.exit(1);`,
  );
  await add(
    'pollute',
    'probe-pollute',
    `Object.prototype['https://x.test/polluted'] = 'yes'; Array.prototype.filter = () => []; callback(null, user, context);`,
  );
  // Warm up: the first login compiles the sandbox harness and creates an isolate.
  expect((await realmLogin(server, 'alice')).status).toBe(200);
}, 60_000);
afterAll(() => server.close());

/** Times `/health` `count` times in a row (all must be 200); returns the times in ms, sorted. */
async function healthTimes(count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await get(`${server.url}/health`);
    times.push(performance.now() - started);
    expect(response.status).toBe(200);
  }
  return times.sort((a, b) => a - b);
}

/**
 * While `running` is pending, /health answers in under 100 ms and alice can sign in. CI machines are
 * shared, so one answer in six may be slowed by the OS scheduler; but none may wait anywhere near as
 * long as the runaway script runs, which is what a blocked event loop would look like.
 */
async function serverCarriesOn(running: Promise<unknown>): Promise<void> {
  let settled = false;
  void running.finally(() => {
    settled = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const [times, alice] = await Promise.all([healthTimes(6), realmLogin(server, 'alice')]);
  expect(settled).toBe(false);
  expect(alice.status).toBe(200);
  expect(times[times.length - 2]).toBeLessThan(100);
  expect(times[times.length - 1]).toBeLessThan(SCRIPT_TIMEOUT_MS / 3);
}

/** The login's failure event names the rule and the cause. */
async function failureEvent(ruleName: string): Promise<Record<string, unknown>> {
  const event = await waitForLogEvent(
    server.dataDir,
    'fepft',
    (details) => (details['script'] as { name?: string } | undefined)?.name === ruleName,
  );
  return event.details;
}

describe('a misbehaving script fails only its own login, with access_denied and a clear log event', () => {
  it('an infinite loop times out; meanwhile /health answers in < 100 ms and other logins succeed', async () => {
    const looping = realmLogin(server, 'bob', {}, ua('probe-loop'));
    await serverCarriesOn(looping);
    const response = await looping;
    expect(response.status).toBe(403);
    expect(response.json).toEqual({
      error: 'access_denied',
      error_description: 'Request to Webtask exceeded allowed execution time',
    });
    expect(await failureEvent('loop')).toMatchObject({ cause: 'timeout', script: { kind: 'rule', name: 'loop' } });
  });

  it('a memory bomb hits the memory limit; the server carries on', async () => {
    const bombing = realmLogin(server, 'bob', {}, ua('probe-oom'));
    await serverCarriesOn(bombing);
    const response = await bombing;
    expect(response.status).toBe(403);
    expect(response.json['error']).toBe('access_denied');
    expect(response.json['error_description']).toMatch(/memory limit/);
    expect(await failureEvent('memory bomb')).toMatchObject({ cause: 'memory' });
    expect((await realmLogin(server, 'alice')).status).toBe(200);
  });

  it('oversized output fails the login', async () => {
    const response = await realmLogin(server, 'bob', {}, ua('probe-big'));
    expect(response.status).toBe(403);
    expect(response.json).toEqual({ error: 'access_denied', error_description: 'Script output exceeded 8192 bytes.' });
    expect(await failureEvent('huge output')).toMatchObject({ cause: 'output_too_large' });
  });

  it('a throwing script fails the login with its message', async () => {
    const response = await realmLogin(server, 'bob', {}, ua('probe-throw'));
    expect(response.status).toBe(403);
    expect(response.json['error']).toBe('access_denied');
    expect(response.json['error_description']).toMatch(/null/);
  });
});

describe('escape attempts through a real login', () => {
  it('this.constructor.constructor("return process")().exit(1) fails the login and the server lives', async () => {
    const response = await realmLogin(server, 'bob', {}, ua('probe-escape'));
    expect(response.status).toBe(403);
    expect(response.json['error']).toBe('access_denied');
    expect(response.json['error_description']).toMatch(/process is not defined/);
    expect((await get(`${server.url}/health`)).status).toBe(200);
  });

  it('prototype pollution in one login does not reach the host or the next login', async () => {
    const polluting = await realmLogin(server, 'bob', { scope: 'openid' }, ua('probe-pollute'));
    expect(polluting.status).toBe(200);
    const next = await realmLogin(server, 'alice', { scope: 'openid' });
    expect(decodePayload(next.json['id_token'])['https://x.test/polluted']).toBeUndefined();
    expect(decodePayload(next.json['id_token'])['https://gatehouse.test/realm']).toBe('employees');
    expect(({} as Record<string, unknown>)['https://x.test/polluted']).toBeUndefined();
  });
});
