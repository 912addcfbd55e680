import { z } from 'zod';
import type { AppResult } from '../../../common/errors/app-error';
import { LogEvent, type LogSearch } from '../../../common/admin/log.schema';
import { ok } from '../../../common/result';
import type { ManagementTransport } from '../management-transport';
import { nextFromLink, type CheckpointPage } from '../paging';
import { fetchOffsetPage, op } from './api-helpers';

const LogEvents = z.array(LogEvent);

/** Waits between tail polls; injected by tests. Resolves early (false) when `signal` aborts. */
export type TailSleeper = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realTailSleeper: TailSleeper = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

export interface TailOptions {
  /** How many of the newest events to show first (the first checkpoint read); default 20. */
  readonly backlog?: number;
  /** Between polls once caught up; default 2 s. */
  readonly intervalMs?: number;
  readonly signal?: AbortSignal;
  readonly sleep?: TailSleeper;
}

/**
 * `/logs` and `/logs/{id}` (auth0-wire.md §7.6). Search uses offset paging with Lucene `q`; reading
 * "what happened since" uses checkpoint paging (`from`/`take`), whose next checkpoint comes in the `Link`
 * header, as `auth0 logs tail` does.
 */
export class LogsApi {
  constructor(private readonly transport: ManagementTransport) {}

  /** One page of a search, newest first unless `sort` says `date:1`. */
  search(search: LogSearch = {}) {
    return fetchOffsetPage(
      this.transport,
      {
        request: {
          path: ['logs'],
          query: { q: search.q?.trim() || undefined, sort: search.sort },
          operation: op('search the tenant log', 'log event'),
        },
        key: 'logs',
        item: LogEvent,
      },
      search,
    );
  }

  /**
   * Events after the checkpoint `from`, oldest first (without `from`: the newest `take`). `next` is the
   * checkpoint to read from next time; it stays the same while nothing new has happened.
   */
  async since(from: string | undefined, take = 100): Promise<AppResult<CheckpointPage<LogEvent>>> {
    const reply = await this.transport.call(
      { method: 'GET', path: ['logs'], query: { from, take }, operation: op('read the tenant log', 'log event') },
      LogEvents,
    );
    if (!reply.ok) return reply;
    const events = reply.value.value;
    // A server that sends no Link still lets us go on from the last event we saw.
    const next = nextFromLink(reply.value.headers) ?? events[events.length - 1]?.log_id ?? from ?? null;
    return ok({ items: events, next });
  }

  async get(logId: string): Promise<AppResult<LogEvent>> {
    const reply = await this.transport.call(
      { method: 'GET', path: ['logs', logId], operation: op('read the log event', 'log event') },
      LogEvent,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  /**
   * A live tail: the newest `backlog` events, then every new one as it arrives, until `signal` aborts or
   * a read fails (the failure is the last thing yielded). Each yield is one batch, oldest first.
   */
  async *tail(options: TailOptions = {}): AsyncGenerator<AppResult<LogEvent[]>> {
    const sleep = options.sleep ?? realTailSleeper;
    const interval = options.intervalMs ?? 2000;
    let checkpoint: string | undefined;
    let take = Math.min(100, Math.max(1, options.backlog ?? 20));
    while (options.signal?.aborted !== true) {
      const page = await this.since(checkpoint, take);
      if (!page.ok) {
        yield page;
        return;
      }
      if (page.value.items.length > 0) yield ok(page.value.items);
      checkpoint = page.value.next ?? checkpoint;
      // After the backlog, a full page means more are waiting: read on at once; else wait for new events.
      const isFull = checkpoint !== undefined && take === 100 && page.value.items.length >= take;
      take = 100;
      if (!isFull) await sleep(interval, options.signal);
    }
  }
}
