import { vi } from 'vitest';
import type { GatehouseApi } from '../../common/ipc/contract';

/**
 * A window.gatehouse for component tests: only the calls a test gives are there; any other call fails the
 * test loudly, so a screen cannot quietly depend on something the test did not mean to provide.
 */
export function installBridge(parts: { [D in keyof GatehouseApi]?: Partial<GatehouseApi[D]> }): void {
  const api = new Proxy(parts, {
    get: (target, domain: string) =>
      new Proxy((target as Record<string, Record<string, unknown>>)[domain] ?? {}, {
        get: (calls, verb: string) =>
          calls[verb] ??
          vi.fn(() => {
            throw new Error(`unexpected bridge call ${domain}.${verb}`);
          }),
      }),
  });
  Object.defineProperty(window, 'gatehouse', { value: api, configurable: true });
}
