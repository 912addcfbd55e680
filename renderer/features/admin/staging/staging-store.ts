import { createContext, useContext } from 'react';
import type { AppliedChange, StagedChange, StageRequest } from './staged-change';

/**
 * The pane's pending changes. It lives in the admin pane (not in one section), so a staged change and the
 * tray survive moving between sections.
 */
export interface Staging {
  readonly changes: readonly StagedChange[];
  /** The most recent apply first; `undo` takes the first. */
  readonly applied: readonly AppliedChange[];
  stage(request: StageRequest): void;
  discard(key: string): void;
  /** Takes what the tenant holds now as the new base, keeping the draft (after a conflict). */
  rebase(key: string): void;
  /** Re-reads the target, refuses on a conflict, writes, and keeps the before-state for undo. Resolves to success. */
  apply(key: string): Promise<boolean>;
  /** Applies every pending change in the order staged; stops at the first that fails or conflicts. */
  applyAll(): Promise<boolean>;
  /** Puts back what the tenant held before the last apply, if nobody changed it since. */
  undo(): Promise<boolean>;
  /** The staged change for `key`, so a form can show "staged" and start from its draft. */
  find(key: string): StagedChange | undefined;
}

export const StagingContext = createContext<Staging | null>(null);

/** The pane's staging tray; admin screens only. */
export function useStaging(): Staging {
  const staging = useContext(StagingContext);
  if (staging === null) throw new Error('useStaging must be called inside the admin pane (StagingProvider).');
  return staging;
}
