import type { z } from 'zod';
import { appError, type AppResult } from '../../../common/errors/app-error';
import { err, ok } from '../../../common/result';
import type { ManagementRequest, ManagementTransport } from '../management-transport';
import { collectAll, defaultPerPage, offsetPages, toOffsetPage, totalsWrapper, type OffsetPage } from '../paging';

/** A page request as callers give it; both parts default (page 0, Auth0's 50 per page). */
export interface PageInput {
  readonly page?: number | undefined;
  readonly perPage?: number | undefined;
}

/** An offset listing: its request (without paging) and where the items sit in the totals wrapper. */
export interface OffsetListing<T extends z.ZodType> {
  readonly request: Omit<ManagementRequest, 'method'>;
  readonly key: string;
  readonly item: T;
}

/** One page of an offset listing, always asking for totals so the caller knows how many there are. */
export async function fetchOffsetPage<T extends z.ZodType>(
  transport: ManagementTransport,
  listing: OffsetListing<T>,
  input: PageInput = {},
): Promise<AppResult<OffsetPage<z.output<T>>>> {
  const paging = { page: input.page ?? 0, perPage: input.perPage ?? defaultPerPage };
  const reply = await transport.call(
    {
      ...listing.request,
      method: 'GET',
      query: { ...listing.request.query, page: paging.page, per_page: paging.perPage, include_totals: true },
    },
    totalsWrapper(listing.key, listing.item),
  );
  if (!reply.ok) return reply;
  return ok(toOffsetPage(reply.value.value as Record<string, unknown> | z.output<T>[], listing.key, paging));
}

/** Every item of an offset listing (up to Auth0's 1000), walking the pages for the caller. */
export function fetchAllOffset<T extends z.ZodType>(
  transport: ManagementTransport,
  listing: OffsetListing<T>,
  perPage = 100,
): Promise<AppResult<z.output<T>[]>> {
  return collectAll(offsetPages((page) => fetchOffsetPage(transport, listing, { page, perPage })));
}

/** An offset listing's pages as an async iterator, for callers that stream (the CLI's tables). */
export function iterateOffset<T extends z.ZodType>(
  transport: ManagementTransport,
  listing: OffsetListing<T>,
  perPage = 100,
): AsyncGenerator<AppResult<OffsetPage<z.output<T>>>> {
  return offsetPages((page) => fetchOffsetPage(transport, listing, { page, perPage }));
}

/** The phrase pieces for error messages. */
export function op(action: string, resource: string): ManagementRequest['operation'] {
  return { action, resource };
}

/**
 * Checks a write's input with its schema (filling defaults such as a connection's `auth0` strategy), so a
 * caller that skipped validation gets an `invalid_input` value rather than a thrown error.
 */
export function checked<S extends z.ZodType>(schema: S, input: unknown): AppResult<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? '' : ` (${issue.path.join('.')})`;
  return err(appError('invalid_input', `${issue?.message ?? 'The values are not valid'}${where}.`));
}
