import { parseArgs } from 'node:util';
import type { LogEvent } from '../../../common/admin/log.schema';
import { exitCodes, printLine, type CliIo } from '../cli-io';
import type { CommandContext } from './command-context';
import { adminOptions, connectAdmin, refused, usage } from './admin-connect';
import { cell, finish } from './admin-output';

export const logsUsage = [
  'gatehouse logs [--q QUERY] [--take N] [--page N]                 tenant log events, newest first',
  'gatehouse logs --tail [--take N] [--interval SECONDS]            the newest N, then new events as they come',
  '                                                                 (Ctrl-C stops; --json prints one event per line)',
].join('\n');

/**
 * `gatehouse logs`: a search of the tenant log (auth0-wire.md §7.6), or a live tail that polls with
 * checkpoint paging, as `auth0 logs tail` does. Each event is one line: date, type, description, user,
 * client and IP; with --json, the event as the server sent it.
 */
export async function logs(args: string[], io: CliIo, context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      ...adminOptions,
      q: { type: 'string' },
      take: { type: 'string' },
      page: { type: 'string' },
      tail: { type: 'boolean', default: false },
      interval: { type: 'string' },
    },
  });
  if (positionals.length > 0) return usage(io, `unexpected “${positionals.join(' ')}”.`).code;
  const take = values.take === undefined ? 20 : Number(values.take);
  const page = values.page === undefined ? 0 : Number(values.page);
  const interval = values.interval === undefined ? 2 : Number(values.interval);
  if (!Number.isInteger(take) || take < 1 || take > 100)
    return usage(io, '--take is a whole number from 1 to 100.').code;
  if (!Number.isInteger(page) || page < 0) return usage(io, '--page is a whole number from 0.').code;
  if (!Number.isFinite(interval) || interval < 0.2 || interval > 3600)
    return usage(io, '--interval is 0.2 to 3600 seconds.').code;
  if (values.tail && (values.q !== undefined || values.page !== undefined)) {
    return usage(io, '--tail follows every new event; --q and --page are for searches.').code;
  }

  const connected = await connectAdmin(values, io, context);
  if (!connected.ok) return connected.code;
  const { client } = connected;
  const print = (event: LogEvent) => printLine(io.stdout, values.json ? JSON.stringify(event) : line(event));

  if (!values.tail) {
    const found = await client.logs.search({ ...(values.q === undefined ? {} : { q: values.q }), page, perPage: take });
    return finish(io, values.json, found, ({ items }) => {
      // Oldest first on screen, like a log file; the page itself is the newest events.
      for (const event of [...items].reverse()) print(event);
    });
  }

  // Ctrl-C (or a service manager's SIGTERM) ends the tail cleanly with exit 0.
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    for await (const batch of client.logs.tail({ backlog: take, intervalMs: interval * 1000, signal: stop.signal })) {
      if (!batch.ok) return refused(io, batch.error).code;
      for (const event of batch.value) print(event);
    }
    return exitCodes.ok;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** `2030-01-01T12:00:00.000Z  sepft  Successful exchange…  alice@example.com  gatehouse-desktop  127.0.0.1` */
function line(event: LogEvent): string {
  return [
    event.date,
    event.type.padEnd(8),
    cell(event.description),
    cell(event.user_name ?? event.user_id),
    cell(event.client_name ?? event.client_id),
    cell(event.ip),
  ].join('  ');
}
