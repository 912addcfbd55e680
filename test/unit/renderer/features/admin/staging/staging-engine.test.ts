import { describe, expect, it } from 'vitest';
import type { AppResult } from '../../../../../../common/errors/app-error';
import type { Json } from '../../../../../../renderer/features/admin/staging/staged-change';
import { StagingEngine } from '../../../../../../renderer/features/admin/staging/staging-engine';
import { TenantSetting } from '../../../../../support/tenant-setting';

/** A promise the test settles by hand, to hold a read or write open while something else happens. */
function gate<T>() {
  let open: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('StagingEngine', () => {
  it('applies all in the order staged and stops at the first conflict', async () => {
    const order: string[] = [];
    const engine = new StagingEngine();
    const settings = ['a', 'b', 'c'].map((name) => {
      const setting = new TenantSetting({ name, n: 1 });
      const write = setting.write;
      setting.write = (value) => {
        order.push(name);
        return write(value);
      };
      return setting;
    });
    for (const [index, setting] of settings.entries())
      engine.stage(setting.request(`k${index}`, `t${index}`, { n: 2 }));
    await settle();
    const [, second] = settings;
    if (second) second.value = { name: 'b', n: 5 };

    expect(await engine.applyAll()).toBe(false);
    expect(order).toEqual(['a']);
    expect(engine.snapshot().changes.map((change) => [change.key, change.state.kind])).toEqual([
      ['k1', 'conflict'],
      ['k2', 'pending'],
    ]);
  });

  it('keeps a draft re-staged while the earlier one was being written', async () => {
    const setting = new TenantSetting({ n: 1 });
    const held = gate<AppResult<Json>>();
    const engine = new StagingEngine();
    engine.stage({ ...setting.request('k', 'first', { n: 2 }), write: () => held.promise });
    await settle();
    const applying = engine.apply('k');
    await settle();
    engine.stage(setting.request('k', 'second', { n: 3 }));
    held.open({ ok: true, value: { n: 2 } });

    expect(await applying).toBe(true);
    expect(engine.snapshot().changes.map((change) => change.title)).toEqual(['second']);
  });

  it('does not let a re-read that ends after an apply began mark the change pending again', async () => {
    const setting = new TenantSetting({ n: 1 });
    const firstRead = gate<AppResult<Json>>();
    let reads = 0;
    const engine = new StagingEngine();
    const writes = gate<AppResult<Json>>();
    engine.stage({
      ...setting.request('k', 't', { n: 2 }),
      readLive: () => (++reads === 1 ? firstRead.promise : setting.readLive()),
      write: () => writes.promise,
    });
    const applying = engine.apply('k');
    await settle();
    firstRead.open({ ok: true, value: { n: 1 } });
    await settle();
    expect(engine.snapshot().changes[0]?.state.kind).toBe('applying');
    writes.open({ ok: true, value: { n: 2 } });
    expect(await applying).toBe(true);
  });

  it('undoes per target: the newest apply of a key, leaving other keys’ undo alone', async () => {
    const a = new TenantSetting({ n: 1 });
    const b = new TenantSetting({ n: 1 });
    const engine = new StagingEngine();
    engine.stage(a.request('a', 'A', { n: 2 }));
    engine.stage(b.request('b', 'B', { n: 2 }));
    await settle();
    expect(await engine.applyAll()).toBe(true);

    expect(await engine.undo('a')).toBe(true);
    expect(a.value).toEqual({ n: 1 });
    expect(b.value).toEqual({ n: 2 });
    expect(engine.snapshot().applied.map((entry) => entry.key)).toEqual(['b']);
  });

  it('stages the undo as a reviewable change when the target changed after the apply', async () => {
    const setting = new TenantSetting({ n: 1 });
    const engine = new StagingEngine();
    engine.stage(setting.request('k', 'T', { n: 2 }));
    await settle();
    await engine.apply('k');
    setting.value = { n: 7 };
    expect(await engine.undo()).toBe(false);
    const [entry] = engine.snapshot().applied;
    expect(entry?.state).toEqual({ kind: 'changed-since', live: { n: 7 } });

    engine.stageUndo(entry?.id ?? -1);
    const [change] = engine.snapshot().changes;
    expect([change?.title, change?.base, change?.draft]).toEqual(['Undo: T', { n: 7 }, { n: 1 }]);
  });
});
