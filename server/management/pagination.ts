import { z } from 'zod';
import { mgmtErrors } from './errors';
import { queryBoolean, queryInt, queryString } from './validation';

/** Offset paging as the Management API does it (auth0-wire.md §7.1). */
export interface PageRequest {
  /** 0-based. */
  readonly page: number;
  readonly perPage: number;
  readonly includeTotals: boolean;
}

/** Limits for one listing. */
export interface PageLimits {
  /** 50 for most resources, 100 for connections (§7.1). */
  readonly defaultPerPage?: number;
  readonly maxPerPage?: number;
  /** Offset paging reaches only this many records (§7.1: connections, users and logs stop at 1000). */
  readonly maxRecords?: number;
}

/** The query keys of offset paging; spread into a route's query schema. */
export const pageQueryShape = {
  page: queryInt(0, 1_000_000).optional(),
  per_page: queryInt(0, 1_000_000).optional(),
  include_totals: queryBoolean.optional(),
};

/** Checks `page`, `per_page` and `include_totals` against the listing's limits. */
export function pageRequest(
  query: { page?: number | undefined; per_page?: number | undefined; include_totals?: boolean | undefined },
  limits: PageLimits = {},
): PageRequest {
  const maxPerPage = limits.maxPerPage ?? 100;
  const perPage = query.per_page ?? limits.defaultPerPage ?? 50;
  const page = query.page ?? 0;
  if (perPage < 1 || perPage > maxPerPage) {
    throw mgmtErrors.invalidQuery(`'per_page must be between 1 and ${maxPerPage}' on property per_page`);
  }
  if (limits.maxRecords !== undefined && (page + 1) * perPage > limits.maxRecords) {
    throw mgmtErrors.invalidQuery(
      `'You can only page through the first ${limits.maxRecords} records' on property page`,
    );
  }
  return { page, perPage, includeTotals: query.include_totals ?? false };
}

/**
 * The listing's body: a bare array, or with `include_totals=true` the wrapper
 * `{start, limit, total, <key>: [...]}` (users and logs add `length`), §7.1.
 */
export function pageBody<T>(
  key: string,
  items: readonly T[],
  total: number,
  request: PageRequest,
  options: { withLength?: boolean } = {},
): unknown {
  if (!request.includeTotals) return items;
  return {
    start: request.page * request.perPage,
    limit: request.perPage,
    ...(options.withLength === true && { length: items.length }),
    total,
    [key]: items,
  };
}

/** Slices an in-memory list for a page. */
export function slicePage<T>(items: readonly T[], request: PageRequest): T[] {
  const start = request.page * request.perPage;
  return items.slice(start, start + request.perPage);
}

/** Checkpoint paging (`from`, `take`), §7.1. `take` defaults to 50 and tops out at 100. */
export interface CheckpointRequest {
  /** The id after which to continue, decoded; undefined for the first page. */
  readonly after: string | undefined;
  readonly take: number;
}

export const checkpointQueryShape = {
  from: queryString.optional(),
  take: queryInt(1, 100).optional(),
};

/** The opaque `next` value: base64url of the last id returned, so callers do not build it themselves. */
export function encodeCheckpoint(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

const Base64Url = z.string().regex(/^[A-Za-z0-9_-]{1,400}$/);

/** Reads `from` and `take`; a `from` we did not hand out is `400 invalid_query_string`. */
export function checkpointRequest(query: { from?: string | undefined; take?: number | undefined }): CheckpointRequest {
  const take = query.take ?? 50;
  if (query.from === undefined || query.from === '') return { after: undefined, take };
  if (!Base64Url.safeParse(query.from).success)
    throw mgmtErrors.invalidQuery("'from is not a valid checkpoint' on property from");
  return { after: Buffer.from(query.from, 'base64url').toString('utf8'), take };
}

/** Whether the query asks for checkpoint paging (either key present). */
export function wantsCheckpoint(query: { from?: unknown; take?: unknown }): boolean {
  return query.from !== undefined || query.take !== undefined;
}

/** Projects an object for `fields` / `include_fields` (§7.1): keep or drop the named top-level keys. */
export function project<T extends object>(
  item: T,
  fields: readonly string[] | undefined,
  includeFields: boolean | undefined,
): Partial<T> {
  if (fields === undefined || fields.length === 0) return item;
  const wanted = new Set(fields);
  const keep = includeFields ?? true;
  return Object.fromEntries(Object.entries(item).filter(([key]) => wanted.has(key) === keep)) as Partial<T>;
}
