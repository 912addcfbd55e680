import type { z } from 'zod';
import type { AppResult } from '../errors/app-error';
import { adminChannels } from './admin.contract';
import { apiChannels } from './api.contract';
import { authChannels, authEvents } from './auth.contract';
import type { ChannelSpec, EventSpec } from './channel';
import { inspectChannels } from './inspect.contract';
import { mfaChannels } from './mfa.contract';
import { profileChannels } from './profile.contract';
import { settingsChannels } from './settings.contract';

/**
 * The whole IPC contract: `window.gatehouse.<domain>.<verb>(input)` for every channel here, and
 * `window.gatehouse.events.<name>(listener)` for every event. Preload, the router, the e2e bridge and the
 * renderer all derive from this one object.
 */
export const ipcContract = {
  auth: authChannels,
  profile: profileChannels,
  settings: settingsChannels,
  inspect: inspectChannels,
  api: apiChannels,
  mfa: mfaChannels,
  admin: adminChannels,
} as const;

export const ipcEvents = {
  ...authEvents,
} as const;

type AnyChannel = ChannelSpec<string, z.ZodType, z.ZodType>;
type AnyEvent = EventSpec<string, z.ZodType>;

export type IpcContract = typeof ipcContract;
export type IpcEvents = typeof ipcEvents;

/** The API the renderer sees, typed from the contract. Every call resolves to a Result; none rejects. */
export type GatehouseApi = {
  readonly [D in keyof IpcContract]: {
    readonly [V in keyof IpcContract[D]]: IpcContract[D][V] extends ChannelSpec<string, infer In, infer Out>
      ? (input: z.input<In>) => Promise<AppResult<z.output<Out>>>
      : never;
  };
} & {
  readonly events: {
    readonly [E in keyof IpcEvents]: IpcEvents[E] extends EventSpec<string, infer P>
      ? (listener: (payload: z.output<P>) => void) => () => void
      : never;
  };
};

/** Every channel, flattened, for code that walks the contract (preload, router registration, tests). */
export function listChannels(): ReadonlyArray<{ domain: string; verb: string; spec: AnyChannel }> {
  return Object.entries(ipcContract).flatMap(([domain, verbs]) =>
    Object.entries(verbs as Record<string, AnyChannel>).map(([verb, spec]) => ({ domain, verb, spec })),
  );
}

export function listEvents(): ReadonlyArray<{ name: string; spec: AnyEvent }> {
  return Object.entries(ipcEvents as Record<string, AnyEvent>).map(([name, spec]) => ({ name, spec }));
}
