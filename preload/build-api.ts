import { listChannels, listEvents, type GatehouseApi } from '../common/ipc/contract';

export type Invoke = (channelId: string, input: unknown) => Promise<unknown>;
export type Subscribe = (eventId: string, listener: (payload: unknown) => void) => () => void;

/**
 * Builds `window.gatehouse` from the contract: one function per channel, one subscription per event.
 * Invoke and subscribe are passed in, so the e2e bridge can build the very same object over a test binding.
 */
export function buildGatehouseApi(invoke: Invoke, subscribe: Subscribe): GatehouseApi {
  const api: Record<string, Record<string, unknown>> = { events: {} };
  for (const { domain, verb, spec } of listChannels()) {
    api[domain] ??= {};
    (api[domain] as Record<string, unknown>)[verb] = (input: unknown) => invoke(spec.id, input);
  }
  for (const { name, spec } of listEvents()) {
    (api.events as Record<string, unknown>)[name] = (listener: (payload: unknown) => void) =>
      subscribe(spec.id, listener);
  }
  return api as unknown as GatehouseApi;
}
