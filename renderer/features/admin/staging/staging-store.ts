import { createContext, useContext } from 'react';
import type { AppliedChange, StagedChange, StageRequest } from './staged-change';

/**
 * The pane's pending changes. It lives in the admin pane (not in one section), so a staged change and the
 * tray survive moving between sections.
 */
export interface Staging {
  /** In the order staged (re-staging a key moves it to the end). */
  readonly changes: readonly StagedChange[];
  /** The most recent apply first; `undo` takes the first (for a key, that key's newest). */
  readonly applied: readonly AppliedChange[];
  /** Adds (or replaces, by key) a pending change and re-reads its target for the tray's diff. */
  stage(request: StageRequest): void;
  discard(key: string): void;
  /**
   * After a conflict: what the tenant holds now becomes the base, and the draft keeps its own edits laid over
   * it (fields only the tenant changed keep the tenant's value; see rebaseDraft).
   */
  rebase(key: string): void;
  /** Re-reads every pending change's target, so each diff is against what the tenant holds now. */
  refresh(): Promise<void>;
  /** Re-reads the target, refuses on a conflict, writes, and keeps the before-state for undo. Resolves to success. */
  apply(key: string): Promise<boolean>;
  /** Applies every pending change in the order staged; stops at the first that fails or conflicts. */
  applyAll(): Promise<boolean>;
  /**
   * Puts back what the tenant held before the last apply (of `key`, else of any), if nobody changed it since;
   * when somebody did, the entry says so (state `changed-since`) and nothing is written.
   */
  undo(key?: string): Promise<boolean>;
  /** After `changed-since`: stages "back to before" as an ordinary pending change, diffed against now. */
  stageUndo(appliedId: number): void;
  /** Drops an applied entry from the undo list. */
  forget(appliedId: number): void;
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
