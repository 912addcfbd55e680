import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AppError, AppResult } from '../../../common/errors/app-error';
import { useAdminSession } from './admin-session';

export interface AdminWrite {
  /** Which write is running (its label), so only that button shows progress. */
  readonly busy: string | undefined;
  /** Show it with FocusedError, which moves focus there so screen readers say it at once. */
  readonly failure: AppError | undefined;
  /** Runs one write; `onDone` gets the answer when it succeeded. Resolves to whether it succeeded. */
  run<T>(label: string, call: () => Promise<AppResult<T>>, onDone?: (value: T) => void): Promise<boolean>;
  clear(): void;
}

/**
 * One screen's writes: progress, the failure to show, and the step-up check every admin call gets.
 * A successful write marks every admin read stale (`['admin']`), so no other screen of the pane shows
 * what the tenant held before it.
 */
export function useAdminWrite(): AdminWrite {
  const { noteFailure } = useAdminSession();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string>();
  const [failure, setFailure] = useState<AppError>();

  return {
    busy,
    failure,
    clear: () => setFailure(undefined),
    async run(label, call, onDone) {
      setBusy(label);
      setFailure(undefined);
      const result = await call();
      setBusy(undefined);
      if (!result.ok) {
        noteFailure(result.error);
        setFailure(result.error);
        return false;
      }
      onDone?.(result.value);
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
      return true;
    },
  };
}
