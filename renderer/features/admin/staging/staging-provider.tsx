import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { jsonEqual } from './json-equal';
import type { AppliedChange, StagedChange, StagedState } from './staged-change';
import { StagingContext, type Staging } from './staging-store';

/** Holds the pane's pending and applied changes; see Staging for what each call promises. */
export function StagingProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [changes, setChanges] = useState<readonly StagedChange[]>([]);
  const [applied, setApplied] = useState<readonly AppliedChange[]>([]);
  // apply() reads the newest list, not the one of the render that created the callback.
  const latest = useRef(changes);
  useEffect(() => {
    latest.current = changes;
  }, [changes]);

  const staging = useMemo<Staging>(() => {
    const setState = (key: string, state: StagedState) =>
      setChanges((list) => list.map((change) => (change.key === key ? { ...change, state } : change)));
    const remove = (key: string) => setChanges((list) => list.filter((change) => change.key !== key));

    const apply = async (key: string): Promise<boolean> => {
      const change = latest.current.find((candidate) => candidate.key === key);
      if (!change) return false;
      setState(key, { kind: 'applying' });
      const live = await change.readLive();
      if (!live.ok) {
        setState(key, { kind: 'failed', error: live.error });
        return false;
      }
      if (!jsonEqual(live.value, change.base)) {
        setState(key, { kind: 'conflict', live: live.value });
        return false;
      }
      const written = await change.write(change.draft);
      if (!written.ok) {
        setState(key, { kind: 'failed', error: written.error });
        return false;
      }
      const { title, area, write, readLive } = change;
      setApplied((list) => [{ key, area, title, before: live.value, after: written.value, write, readLive }, ...list]);
      remove(key);
      await queryClient.invalidateQueries({ queryKey: ['admin'] });
      return true;
    };

    return {
      changes,
      applied,
      stage: (request) =>
        setChanges((list) => [
          ...list.filter((change) => change.key !== request.key),
          { ...request, state: { kind: 'pending' }, stagedAt: Date.now() },
        ]),
      discard: remove,
      rebase: (key) =>
        setChanges((list) =>
          list.map((change) =>
            change.key === key && change.state.kind === 'conflict'
              ? { ...change, base: change.state.live, state: { kind: 'pending' } }
              : change,
          ),
        ),
      apply,
      async applyAll() {
        for (const change of latest.current) if (!(await apply(change.key))) return false;
        return true;
      },
      async undo() {
        const last = applied[0];
        if (!last) return false;
        const live = await last.readLive();
        // Someone changed the target after our apply: putting `before` back would silently drop their change.
        if (!live.ok || !jsonEqual(live.value, last.after)) return false;
        const restored = await last.write(last.before);
        if (!restored.ok) return false;
        setApplied((list) => list.slice(1));
        await queryClient.invalidateQueries({ queryKey: ['admin'] });
        return true;
      },
      find: (key) => changes.find((change) => change.key === key),
    };
  }, [changes, applied, queryClient]);

  return <StagingContext value={staging}>{children}</StagingContext>;
}
