import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { AppError } from '../../../../common/errors/app-error';
import { StagingEngine } from './staging-engine';
import { StagingContext, type Staging } from './staging-store';

export interface StagingProviderProps {
  /** Every failed read or write of a change (the pane: an ended step-up brings the password form back). */
  onFailure?: (error: AppError) => void;
  children: ReactNode;
}

const ignoreFailure = () => undefined;

/**
 * Holds the pane's pending and applied changes; see Staging for what each call promises. The admin pane
 * mounts it above the step-up form, so pending drafts survive an expired step-up and the password prompt.
 */
export function StagingProvider({ onFailure = ignoreFailure, children }: StagingProviderProps) {
  const queryClient = useQueryClient();
  // One engine for the pane's life.
  const [engine] = useState(() => new StagingEngine());
  useEffect(
    () => engine.connect({ onWritten: () => queryClient.invalidateQueries({ queryKey: ['admin'] }), onFailure }),
    [engine, queryClient, onFailure],
  );
  const { changes, applied } = useSyncExternalStore(engine.subscribe, engine.snapshot);

  const staging = useMemo<Staging>(
    () => ({
      changes,
      applied,
      stage: (request) => engine.stage(request),
      discard: (key) => engine.discard(key),
      rebase: (key) => engine.rebase(key),
      refresh: () => engine.refresh(),
      apply: (key) => engine.apply(key),
      applyAll: () => engine.applyAll(),
      undo: (key) => engine.undo(key),
      stageUndo: (id) => engine.stageUndo(id),
      forget: (id) => engine.forget(id),
      find: (key) => changes.find((change) => change.key === key),
    }),
    [engine, changes, applied],
  );

  return <StagingContext value={staging}>{children}</StagingContext>;
}
