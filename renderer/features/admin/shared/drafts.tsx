import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * Unsaved edits of the admin pane (a rule's script, an action's code) by key. They live in the pane, not in
 * the form, so a draft survives switching sections and opening another rule; they go when the pane does
 * (leaving admin mode), and are never written anywhere (design/security.md: no renderer storage).
 */
interface Drafts {
  readonly values: ReadonlyMap<string, unknown>;
  set(key: string, value: unknown): void;
  clear(key: string): void;
}

const DraftsContext = createContext<Drafts | null>(null);

export function DraftsProvider({ children }: { children: ReactNode }) {
  const [values, setValues] = useState<ReadonlyMap<string, unknown>>(new Map());
  const set = useCallback((key: string, value: unknown) => setValues((old) => new Map(old).set(key, value)), []);
  const clear = useCallback(
    (key: string) =>
      setValues((old) => {
        if (!old.has(key)) return old;
        const next = new Map(old);
        next.delete(key);
        return next;
      }),
    [],
  );
  const drafts = useMemo(() => ({ values, set, clear }), [values, set, clear]);
  return <DraftsContext value={drafts}>{children}</DraftsContext>;
}

export interface Draft<T> {
  /** The unsaved edit, or undefined when there is none (the form shows what the tenant holds). */
  readonly value: T | undefined;
  set(value: T): void;
  clear(): void;
}

/**
 * The pane's draft for `key`. Each key belongs to one form, which writes only values of its own type `T`,
 * so reading it back as `T` is sound.
 */
export function useDraft<T>(key: string): Draft<T> {
  const drafts = useContext(DraftsContext);
  if (drafts === null) throw new Error('useDraft must be called inside the admin pane (DraftsProvider).');
  return {
    value: drafts.values.get(key) as T | undefined,
    set: (value) => drafts.set(key, value),
    clear: () => drafts.clear(key),
  };
}
