import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import type { AppError, AppResult } from '../../../common/errors/app-error';
import { appErrorOf, unwrap } from '../../api/query-client';
import { useAdminSession } from './admin-session';

export interface AdminLoad<T> {
  /** The latest value read (kept while a new page or search loads, so the table does not flash away). */
  readonly value: T | undefined;
  /** The failure of the current read, if it failed. */
  readonly error: AppError | undefined;
  readonly isLoading: boolean;
  /** Reads again, for example after a write elsewhere changed the data. */
  reload(): void;
  /** Takes the fresh object a write answered with, instead of reading it again. */
  replace(value: T): void;
}

/**
 * What one admin read is: its kind first (`['user-roles', userId]`), so two screens reading different things
 * about the same id never share a cache entry.
 */
export type AdminReadKey = readonly [kind: string, ...parts: readonly (string | number | boolean)[]];

/** Every admin read lives under `['admin']`, so any admin write can mark all of them stale at once. */
export const adminQueryKey = (key: AdminReadKey) => ['admin', ...key] as const;

/**
 * Reads admin data for `key` (what is being read: its kind, then a search, a page, an id) through the window's one
 * TanStack Query cache, and again whenever `key` changes or an admin write invalidates `['admin']`.
 * TanStack drops an answer that arrives after the key moved on, so a slow old search never wins.
 */
export function useAdminLoad<T>(key: AdminReadKey, load: () => Promise<AppResult<T>>): AdminLoad<T> {
  const { noteFailure } = useAdminSession();
  const queryClient = useQueryClient();
  const queryKey = adminQueryKey(key);
  const query = useQuery({
    queryKey,
    queryFn: () => unwrap(load()),
    placeholderData: keepPreviousData,
    // Admin data changes under other admins' hands: read it again whenever a screen shows it.
    staleTime: 0,
  });
  const error = appErrorOf(query.error);
  const report = useEffectEvent((failure: AppError) => noteFailure(failure));
  useEffect(() => {
    if (error) report(error);
  }, [error]);

  return {
    value: query.data,
    error: query.isFetching ? undefined : error,
    isLoading: query.isFetching,
    reload: () => void query.refetch(),
    replace: (value) => queryClient.setQueryData(queryKey, value),
  };
}
