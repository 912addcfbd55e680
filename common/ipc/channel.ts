import type { z } from 'zod';

/**
 * One IPC channel: its id (`domain:verb`), and the schemas of what goes in and what comes out.
 * No other file writes a channel string; preload, router and tests all read them from the contract.
 */
export interface ChannelSpec<Id extends string, In extends z.ZodType, Out extends z.ZodType> {
  readonly id: Id;
  readonly input: In;
  readonly output: Out;
}

export function channel<Id extends string, In extends z.ZodType, Out extends z.ZodType>(
  id: Id,
  input: In,
  output: Out,
): ChannelSpec<Id, In, Out> {
  return { id, input, output };
}

/** A main-to-renderer event. Subscribing returns an unsubscribe function. */
export interface EventSpec<Id extends string, Payload extends z.ZodType> {
  readonly id: Id;
  readonly payload: Payload;
}

export function event<Id extends string, Payload extends z.ZodType>(id: Id, payload: Payload): EventSpec<Id, Payload> {
  return { id, payload };
}
