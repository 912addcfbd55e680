import { useEffect, useEffectEvent, useState } from 'react';
import type { AppError } from '../../../../common/errors/app-error';
import type { LogEvent } from '../../../../common/admin/log.schema';
import { adminReadLogs, adminSearchLogs } from '../../../api/gatehouse';
import { useAdminSession } from '../admin-session';
import { addToTail, nextCheckpoint } from './log-tail-rows';

/** How long the tail waits between checkpoint reads (Auth0's own `logs tail` polls about this often). */
const pollMs = 2_000;

export interface LogTail {
  readonly events: readonly LogEvent[];
  readonly error: AppError | undefined;
  /** True while the first read (the latest events, to start from) is under way. */
  readonly isStarting: boolean;
}

/**
 * A live tail of the tenant log the way `auth0 logs tail` works: the newest events first, then checkpoint reads
 * (`from=<last log_id>&take=100`) every two seconds, each event once, at most `tailCap` kept. It is a stream
 * rather than a cacheable read, so it lives in this hook and not in the query cache. It stops when paused, on
 * a failure (an ended admin session sends the pane back to "Confirm it's you", which unmounts it), and on
 * unmount.
 */
export function useLogTail(isRunning: boolean): LogTail {
  const { noteFailure } = useAdminSession();
  const [events, setEvents] = useState<readonly LogEvent[]>([]);
  const [checkpoint, setCheckpoint] = useState<string>();
  const [error, setError] = useState<AppError>();
  const [isStarting, setStarting] = useState(true);
  // Bumped after every read, so the next one is scheduled even when the checkpoint did not move.
  const [tick, setTick] = useState(0);
  const fail = useEffectEvent((failure: AppError) => {
    setError(failure);
    noteFailure(failure);
  });

  useEffect(() => {
    let isLive = true;
    void adminSearchLogs({ page: 0, perPage: 20, sort: 'date:-1' }).then((latest) => {
      if (!isLive) return;
      setStarting(false);
      if (!latest.ok) return fail(latest.error);
      setEvents(latest.value.items);
      setCheckpoint(latest.value.items[0]?.log_id ?? '');
    });
    return () => {
      isLive = false;
    };
  }, []);

  useEffect(() => {
    if (!isRunning || checkpoint === undefined || error !== undefined) return undefined;
    let isLive = true;
    const timer = setTimeout(() => {
      void adminReadLogs({ ...(checkpoint === '' ? {} : { from: checkpoint }), take: 100 }).then((page) => {
        if (!isLive) return;
        if (!page.ok) return fail(page.error);
        setEvents((kept) => addToTail(kept, page.value.items));
        setCheckpoint((current) => nextCheckpoint(current, page.value) ?? '');
        setTick((count) => count + 1);
      });
    }, pollMs);
    return () => {
      isLive = false;
      clearTimeout(timer);
    };
  }, [isRunning, checkpoint, error, tick]);

  return { events, error, isStarting };
}
