import { describe, expect, it } from 'vitest';
import { ConcurrencyLimit } from '../../../../server/security/concurrency-limit';

/** A task the test finishes by hand, recording when it started. */
function controllable(started: string[], name: string) {
  let finish: (value: string) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const task = () =>
    new Promise<string>((resolve, reject) => {
      started.push(name);
      finish = resolve;
      fail = reject;
    });
  return { task, finish: (value = name) => finish(value), fail: (error: Error) => fail(error) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ConcurrencyLimit', () => {
  it('runs at most `limit` tasks at once and starts the waiting ones in arrival order', async () => {
    const limit = new ConcurrencyLimit(2);
    const started: string[] = [];
    const a = controllable(started, 'a');
    const b = controllable(started, 'b');
    const c = controllable(started, 'c');
    const d = controllable(started, 'd');
    const results = [a, b, c, d].map((t) => limit.run(t.task).catch((error: Error) => `failed: ${error.message}`));
    await tick();
    expect(started).toEqual(['a', 'b']);
    expect([limit.active, limit.waiting]).toEqual([2, 2]);

    b.finish();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    a.fail(new Error('boom'));
    await tick();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    c.finish();
    d.finish();

    expect(await Promise.all(results)).toEqual(['failed: boom', 'b', 'c', 'd']);
    expect([limit.active, limit.waiting]).toEqual([0, 0]);
  });

  it('refuses a limit below one', () => {
    expect(() => new ConcurrencyLimit(0)).toThrow(RangeError);
    expect(() => new ConcurrencyLimit(1.5)).toThrow(RangeError);
  });
});
