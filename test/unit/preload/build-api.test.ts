import { describe, expect, it, vi } from 'vitest';
import { listChannels } from '../../../common/ipc/contract';
import { buildGatehouseApi } from '../../../preload/build-api';

describe('window.gatehouse built from the contract', () => {
  it('exposes one function per channel that invokes exactly that channel', async () => {
    const invoke = vi.fn(async (channelId: string) => ({ ok: true, value: channelId }));
    const api = buildGatehouseApi(invoke, () => () => undefined) as unknown as Record<
      string,
      Record<string, (input: unknown) => Promise<unknown>>
    >;
    for (const { domain, verb, spec } of listChannels()) {
      await expect(api[domain]?.[verb]?.({})).resolves.toEqual({ ok: true, value: spec.id });
    }
    expect(invoke).toHaveBeenCalledTimes(listChannels().length);
  });

  it('exposes no generic send or invoke', () => {
    const api = buildGatehouseApi(vi.fn(), () => () => undefined) as unknown as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...new Set(listChannels().map(({ domain }) => domain)), 'events'].sort());
  });

  it('subscribes to session:changed and returns the unsubscribe function', () => {
    const unsubscribe = vi.fn();
    const subscribe = vi.fn(() => unsubscribe);
    const api = buildGatehouseApi(vi.fn(), subscribe);
    const listener = vi.fn();
    const off = api.events.sessionChanged(listener);
    expect(subscribe).toHaveBeenCalledWith('session:changed', expect.any(Function));
    off();
    expect(unsubscribe).toHaveBeenCalled();
  });
});
