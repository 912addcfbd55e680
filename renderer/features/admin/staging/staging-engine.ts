import type { AppError } from '../../../../common/errors/app-error';
import { jsonEqual } from './json-equal';
import { rebaseDraft } from './rebase-draft';
import type { AppliedChange, AppliedState, StagedChange, StagedState, StageRequest } from './staged-change';

export interface StagingSnapshot {
  readonly changes: readonly StagedChange[];
  readonly applied: readonly AppliedChange[];
}

export interface StagingHooks {
  /** After every successful write (apply or undo): mark the pane's reads stale. */
  onWritten(): Promise<void>;
  /** Every failed call, so an ended step-up brings the password form back. */
  onFailure(error: AppError): void;
}

/** How many applied changes "Undo" remembers; older ones drop off. */
const undoDepth = 20;

/**
 * The pending and applied changes, outside React: every step reads the current lists (never a render's
 * copy), so an apply that awaits the network cannot act on a list that changed meanwhile. React subscribes
 * with useSyncExternalStore (StagingProvider).
 */
export class StagingEngine {
  #snapshot: StagingSnapshot = { changes: [], applied: [] };
  readonly #listeners = new Set<() => void>();
  #revision = 0;
  #appliedId = 0;

  #hooks: StagingHooks = { onWritten: () => Promise.resolve(), onFailure: () => undefined };

  /** Sets what happens after a write and on a failure (the provider connects the query cache and the session). */
  connect(hooks: StagingHooks): void {
    this.#hooks = hooks;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly snapshot = (): StagingSnapshot => this.#snapshot;

  #set(next: Partial<StagingSnapshot>) {
    this.#snapshot = { ...this.#snapshot, ...next };
    for (const listener of this.#listeners) listener();
  }

  #find(key: string): StagedChange | undefined {
    return this.#snapshot.changes.find((change) => change.key === key);
  }

  /**
   * Updates the change for `key` only if it is still the same draft (`revision`) the caller started with and,
   * given `from`, still in that state (so a re-read that ends after an apply began cannot say "pending").
   */
  #update(
    key: string,
    revision: number,
    patch: Partial<Pick<StagedChange, 'state' | 'live'>>,
    from?: StagedState['kind'],
  ) {
    this.#set({
      changes: this.#snapshot.changes.map((change) =>
        change.key === key && change.revision === revision && (from === undefined || change.state.kind === from)
          ? { ...change, ...patch }
          : change,
      ),
    });
  }

  #setApplied(id: number, state: AppliedState) {
    this.#set({ applied: this.#snapshot.applied.map((entry) => (entry.id === id ? { ...entry, state } : entry)) });
  }

  #fail(key: string, revision: number, from: StagedState['kind'], error: AppError) {
    this.#hooks.onFailure(error);
    this.#update(key, revision, { state: { kind: 'failed', error } }, from);
  }

  stage(request: StageRequest): void {
    this.#revision += 1;
    const change: StagedChange = {
      ...request,
      state: { kind: 'pending' },
      stagedAt: Date.now(),
      revision: this.#revision,
    };
    this.#set({ changes: [...this.#snapshot.changes.filter((other) => other.key !== request.key), change] });
    void this.check(request.key);
  }

  discard(key: string): void {
    this.#set({ changes: this.#snapshot.changes.filter((change) => change.key !== key) });
  }

  /**
   * Re-reads the target so the tray diffs against what the tenant holds now. A tenant that holds neither the
   * base nor the draft is a conflict. Busy changes (being applied or checked) are left alone.
   */
  async check(key: string): Promise<void> {
    const change = this.#find(key);
    if (!change || change.state.kind === 'applying' || change.state.kind === 'checking') return;
    const { revision } = change;
    this.#update(key, revision, { state: { kind: 'checking' } });
    const live = await change.readLive();
    if (!live.ok) return this.#fail(key, revision, 'checking', live.error);
    this.#update(key, revision, { live: live.value, state: stateFor(change, live.value) }, 'checking');
  }

  /** Re-reads every pending change at once (the tray opened). */
  async refresh(): Promise<void> {
    await Promise.all(this.#snapshot.changes.map((change) => this.check(change.key)));
  }

  /** Lays the draft's own edits over what the tenant holds now, which becomes the new base. */
  rebase(key: string): void {
    const change = this.#find(key);
    if (!change || change.state.kind !== 'conflict') return;
    const { live } = change.state;
    this.#revision += 1;
    const draft = rebaseDraft(change.base, change.draft, live) ?? change.draft;
    this.#set({
      changes: this.#snapshot.changes.map((other) =>
        other === change
          ? { ...change, base: live, draft, live, state: { kind: 'pending' }, revision: this.#revision }
          : other,
      ),
    });
  }

  async apply(key: string): Promise<boolean> {
    const change = this.#find(key);
    if (!change || change.state.kind === 'applying' || change.state.kind === 'conflict') return false;
    const { revision } = change;
    this.#update(key, revision, { state: { kind: 'applying' } });
    // Re-read right before writing: the tray's diff may be minutes old.
    const live = await change.readLive();
    if (!live.ok) {
      this.#fail(key, revision, 'applying', live.error);
      return false;
    }
    const state = stateFor(change, live.value);
    if (state.kind === 'conflict') {
      this.#update(key, revision, { live: live.value, state });
      return false;
    }
    const written = await change.write(change.draft);
    if (!written.ok) {
      this.#fail(key, revision, 'applying', written.error);
      return false;
    }
    this.#appliedId += 1;
    const entry: AppliedChange = {
      id: this.#appliedId,
      key,
      area: change.area,
      title: change.title,
      before: live.value,
      after: written.value,
      appliedAt: Date.now(),
      state: { kind: 'applied' },
      write: change.write,
      readLive: change.readLive,
    };
    this.#set({
      // A newer draft staged for the same key while this one was written stays in the tray.
      changes: this.#snapshot.changes.filter((other) => !(other.key === key && other.revision === revision)),
      applied: [entry, ...this.#snapshot.applied].slice(0, undoDepth),
    });
    await this.#hooks.onWritten();
    return true;
  }

  /** Applies in the order staged (the list as it is now), stopping at the first that does not apply. */
  async applyAll(): Promise<boolean> {
    const keys = this.#snapshot.changes.map((change) => change.key);
    for (const key of keys) if (!(await this.apply(key))) return false;
    return true;
  }

  /** The applied entry "Undo" acts on for `key` (its newest), or the newest of all. */
  undoable(key?: string): AppliedChange | undefined {
    return this.#snapshot.applied.find((entry) => key === undefined || entry.key === key);
  }

  async undo(key?: string): Promise<boolean> {
    const entry = this.undoable(key);
    if (!entry || entry.state.kind === 'undoing') return false;
    this.#setApplied(entry.id, { kind: 'undoing' });
    const live = await entry.readLive();
    if (!live.ok) {
      this.#hooks.onFailure(live.error);
      this.#setApplied(entry.id, { kind: 'failed', error: live.error });
      return false;
    }
    // Someone changed the target after our apply: putting `before` back would silently drop their change.
    if (!jsonEqual(live.value, entry.after)) {
      this.#setApplied(entry.id, { kind: 'changed-since', live: live.value });
      return false;
    }
    const restored = await entry.write(entry.before);
    if (!restored.ok) {
      this.#hooks.onFailure(restored.error);
      this.#setApplied(entry.id, { kind: 'failed', error: restored.error });
      return false;
    }
    this.#set({ applied: this.#snapshot.applied.filter((other) => other.id !== entry.id) });
    await this.#hooks.onWritten();
    return true;
  }

  /**
   * After "changed since": stage a change from what the tenant holds now back to the state before the apply,
   * so the admin sees exactly what undoing would overwrite and applies it through the tray like any other.
   */
  stageUndo(id: number): void {
    const entry = this.#snapshot.applied.find((candidate) => candidate.id === id);
    if (!entry || entry.state.kind !== 'changed-since') return;
    this.#set({ applied: this.#snapshot.applied.filter((other) => other.id !== id) });
    this.stage({
      key: entry.key,
      area: entry.area,
      title: `Undo: ${entry.title}`,
      base: entry.state.live,
      draft: entry.before,
      readLive: entry.readLive,
      write: entry.write,
    });
  }

  /** Forgets an applied change (its Undo goes away); the tenant is not touched. */
  forget(id: number): void {
    this.#set({ applied: this.#snapshot.applied.filter((entry) => entry.id !== id) });
  }
}

/** A tenant that holds the base is fine; one that already holds the draft too (nothing would change). */
function stateFor(change: StagedChange, live: StagedChange['base']): StagedState {
  if (jsonEqual(live, change.base) || jsonEqual(live, change.draft)) return { kind: 'pending' };
  return { kind: 'conflict', live };
}
