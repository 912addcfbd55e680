import { describe, expect, it } from 'vitest';
import { InFlight } from '../../../../main/session/in-flight';

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('work in flight', () => {
  it('settles at once when nothing is pending', async () => {
    await expect(new InFlight().settle(10)).resolves.toBe(true);
  });

  it('waits for tracked work, including work started while waiting', async () => {
    const inFlight = new InFlight();
    const first = deferred();
    const second = deferred();
    inFlight.track(first.promise);
    const settled = inFlight.settle(1_000);
    inFlight.track(second.promise);
    first.resolve();
    await Promise.resolve();
    second.resolve();
    await expect(settled).resolves.toBe(true);
    expect(inFlight.size).toBe(0);
  });

  it('gives up after the timeout, and a rejected piece of work still counts as settled', async () => {
    const inFlight = new InFlight();
    inFlight.track(new Promise(() => undefined));
    await expect(inFlight.settle(20)).resolves.toBe(false);
    const failing = new InFlight();
    failing.track(Promise.reject(new Error('keychain down'))).catch(() => undefined);
    await expect(failing.settle(1_000)).resolves.toBe(true);
  });
});
