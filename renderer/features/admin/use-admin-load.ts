import { useEffect, useEffectEvent, useState } from 'react';
import type { AppError, AppResult } from '../../../common/errors/app-error';
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

interface Settled<T> {
  readonly token: string;
  readonly result: AppResult<T>;
}

/**
 * Reads admin data for `key` (what is being read: a search, a page, an id) and again whenever `key` changes.
 * An answer that arrives after the key moved on is dropped, so a slow old search never overwrites a new one.
 */
export function useAdminLoad<T>(key: string, load: () => Promise<AppResult<T>>): AdminLoad<T> {
  const { noteFailure } = useAdminSession();
  const [round, setRound] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>();
  const token = `${round}\u0000${key}`;
  const read = useEffectEvent(() => load());
  const report = useEffectEvent((error: AppError) => noteFailure(error));

  useEffect(() => {
    let isCurrent = true;
    void read().then((result) => {
      if (!isCurrent) return;
      if (!result.ok) report(result.error);
      setSettled({ token, result });
    });
    return () => {
      isCurrent = false;
    };
  }, [token]);

  const isCurrent = settled?.token === token;
  return {
    value: settled?.result.ok ? settled.result.value : undefined,
    error: isCurrent && !settled.result.ok ? settled.result.error : undefined,
    isLoading: !isCurrent,
    reload: () => setRound((count) => count + 1),
    replace: (value) => setSettled({ token, result: { ok: true, value } }),
  };
}
