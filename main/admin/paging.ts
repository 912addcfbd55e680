import { z } from 'zod';
import type { AppResult } from '../../common/errors/app-error';
import { ok } from '../../common/result';
import { headerValue, type AnswerHeaders } from '../auth/server-answer';

/**
 * The Management API's two paging styles (spec/auth0-wire.md §7.1), handled once so callers get pages or
 * whole lists without counting. Offset: `page`, `per_page`, `include_totals=true` → `{start, limit, total,
 * <key>}`. Checkpoint: `from`, `take` → `{<key>, next}` (connections) or an array plus a `Link` header (logs).
 */

export interface OffsetPage<T> {
  readonly items: T[];
  readonly start: number;
  readonly limit: number;
  readonly total: number;
}

export interface CheckpointPage<T> {
  readonly items: T[];
  /** The checkpoint to continue from; null when the server named none. */
  readonly next: string | null;
}

/** `per_page` when the caller does not say: Auth0's own default (§7.1). */
export const defaultPerPage = 50;
/** Auth0 stops offset paging at the first 1000 records (§7.1); whole-list helpers stop there too. */
export const maxListedItems = 1000;

/**
 * The `include_totals=true` wrapper around `key`, or a bare array from a server that ignores
 * `include_totals`; either way, an OffsetPage once `toOffsetPage` has the request's page numbers.
 */
export function totalsWrapper<T extends z.ZodType>(key: string, item: T) {
  const wrapped = z.object({
    start: z.number().int().min(0),
    limit: z.number().int().min(0),
    total: z.number().int().min(0),
    [key]: z.array(item),
  });
  return z.union([wrapped, z.array(item)]);
}

/** Reads what `totalsWrapper` parsed into a page. */
export function toOffsetPage<T>(
  value: Record<string, unknown> | T[],
  key: string,
  request: { readonly page: number; readonly perPage: number },
): OffsetPage<T> {
  if (Array.isArray(value)) {
    const start = request.page * request.perPage;
    // Without totals the only hint of more is a full page; say there is one more item until a short page.
    const total = value.length < request.perPage ? start + value.length : start + value.length + 1;
    return { items: value, start, limit: request.perPage, total };
  }
  return {
    items: value[key] as T[],
    start: value['start'] as number,
    limit: value['limit'] as number,
    total: value['total'] as number,
  };
}

/** The Actions API's own wrapper (`{<key>, total, page, per_page}`), as an OffsetPage. */
export function actionsWrapper<T extends z.ZodType>(key: string, item: T) {
  return z
    .object({
      [key]: z.array(item),
      total: z.number().int().min(0).optional(),
      page: z.number().int().min(0).optional(),
      per_page: z.number().int().min(1).optional(),
    })
    .transform((value): OffsetPage<z.output<T>> => {
      const items = value[key] as z.output<T>[];
      const limit = (value['per_page'] as number | undefined) ?? items.length;
      const page = (value['page'] as number | undefined) ?? 0;
      return { items, start: page * limit, limit, total: (value['total'] as number | undefined) ?? items.length };
    });
}

/** Whether more items follow this page. */
export function hasMoreAfter(page: OffsetPage<unknown>): boolean {
  return page.items.length > 0 && page.start + page.items.length < page.total;
}

/**
 * Every page of an offset listing, in order, until the last one or the first failure (which is yielded
 * and ends the walk). `fetchPage` gets the 0-based page number.
 */
export async function* offsetPages<T>(
  fetchPage: (page: number) => Promise<AppResult<OffsetPage<T>>>,
): AsyncGenerator<AppResult<OffsetPage<T>>> {
  for (let page = 0; ; page += 1) {
    const result = await fetchPage(page);
    yield result;
    if (!result.ok || !hasMoreAfter(result.value)) return;
  }
}

/**
 * Every page of a checkpoint listing, until the server names no further checkpoint, sends an empty page,
 * or repeats a checkpoint (the logs' `Link` keeps pointing at the newest event once caught up).
 */
export async function* checkpointPages<T>(
  fetchPage: (from: string | undefined) => Promise<AppResult<CheckpointPage<T>>>,
  from?: string,
): AsyncGenerator<AppResult<CheckpointPage<T>>> {
  const seen = new Set<string>(from === undefined ? [] : [from]);
  let checkpoint = from;
  for (;;) {
    const result = await fetchPage(checkpoint);
    yield result;
    if (!result.ok) return;
    const { next, items } = result.value;
    if (next === null || items.length === 0 || seen.has(next)) return;
    seen.add(next);
    checkpoint = next;
  }
}

/** Collects the items of every page, up to `limit` items, or the first failure. */
export async function collectAll<T>(
  pages: AsyncIterable<AppResult<{ readonly items: T[] }>>,
  limit: number = maxListedItems,
): Promise<AppResult<T[]>> {
  const items: T[] = [];
  for await (const page of pages) {
    if (!page.ok) return page;
    items.push(...page.value.items);
    if (items.length >= limit) return ok(items.slice(0, limit));
  }
  return ok(items);
}

/**
 * The `from` of the `Link: <…>; rel="next"` header (RFC 8288 §3) that log checkpoint paging sends
 * (auth0-wire.md §7.1). Undefined when there is no such link or it carries no `from`.
 */
export function nextFromLink(headers: AnswerHeaders): string | undefined {
  const header = headerValue(headers, 'link');
  if (header === undefined) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (match === null || !/(^|;)\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/i.test(match[2] ?? '')) continue;
    try {
      return new URL(match[1] ?? '', 'http://link.invalid/').searchParams.get('from') ?? undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
