import type { AppError, AppResult } from '../../../../common/errors/app-error';

/** Plain JSON: what a staged change reads and writes, so it can be compared field by field. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** Which admin form a change came from; the tray groups and labels by it. */
export type StagedArea = 'realm' | 'rule' | 'action' | 'binding' | 'attack-protection' | 'migration';

/**
 * One change an admin form hands to the pending-changes tray instead of writing at once.
 *
 * `base` and `draft` hold the same fields in the same shape: what the tenant held when the draft was made, and
 * what the change will write. `readLive` reads those same fields from the tenant now, so the tray can show a
 * field-level diff and catch a tenant that changed under the draft. `write` writes a value of that shape and
 * answers what the tenant holds afterwards; undo is `write(before)`.
 */
export interface StageRequest {
  /** One pending change per target: staging the same key again replaces the earlier draft. */
  readonly key: string;
  readonly area: StagedArea;
  /** Plain words for the tray: "Realm “employees”: password policy". */
  readonly title: string;
  readonly base: Json;
  readonly draft: Json;
  readLive(): Promise<AppResult<Json>>;
  write(value: Json): Promise<AppResult<Json>>;
}

export type StagedState =
  | { readonly kind: 'pending' }
  /** Re-reading the target (the tray opened, or just staged) to diff against what the tenant holds now. */
  | { readonly kind: 'checking' }
  | { readonly kind: 'applying' }
  /** The tenant no longer holds `base`: it holds `live`. The admin re-bases onto it or discards. */
  | { readonly kind: 'conflict'; readonly live: Json }
  /** The re-read or the write failed; the draft is kept so the admin can try again. */
  | { readonly kind: 'failed'; readonly error: AppError };

export interface StagedChange extends StageRequest {
  readonly state: StagedState;
  readonly stagedAt: number;
  /** What the tenant held at the last re-read (the tray diffs `live` → `draft`); undefined until read. */
  readonly live?: Json;
  /** Bumped on every re-stage and re-base, so an apply that finishes late never removes a newer draft. */
  readonly revision: number;
}

export type AppliedState =
  | { readonly kind: 'applied' }
  | { readonly kind: 'undoing' }
  /** Someone changed the target after this apply (it now holds `live`): undo would drop their change. */
  | { readonly kind: 'changed-since'; readonly live: Json }
  | { readonly kind: 'failed'; readonly error: AppError };

/** An applied change, kept so that "Undo" can put `before` back in one step. */
export interface AppliedChange {
  /** Unique per apply (a target applied twice has two entries; only the newest can be undone). */
  readonly id: number;
  readonly key: string;
  readonly area: StagedArea;
  readonly title: string;
  readonly before: Json;
  readonly after: Json;
  readonly appliedAt: number;
  readonly state: AppliedState;
  write(value: Json): Promise<AppResult<Json>>;
  readLive(): Promise<AppResult<Json>>;
}
