import type { LogEvent } from '../../../../common/admin/log.schema';

/** How many events the live tail keeps; older ones drop off the end, so a long tail cannot grow without bound. */
export const tailCap = 200;

/**
 * Adds events read from the tail (oldest first, as checkpoint reads answer) to the kept rows (newest first):
 * each log_id once, newest first, at most `cap`.
 */
export function addToTail(kept: readonly LogEvent[], incoming: readonly LogEvent[], cap = tailCap): LogEvent[] {
  const seen = new Set(kept.map((event) => event.log_id));
  const fresh: LogEvent[] = [];
  for (const event of incoming) {
    if (seen.has(event.log_id)) continue;
    seen.add(event.log_id);
    fresh.unshift(event);
  }
  return [...fresh, ...kept].slice(0, cap);
}

/** Where the next checkpoint read starts: the server's `next`, else the last event read, else where we were. */
export function nextCheckpoint(
  current: string | undefined,
  page: { readonly items: readonly LogEvent[]; readonly next?: string | null | undefined },
): string | undefined {
  return page.next ?? page.items.at(-1)?.log_id ?? current;
}
