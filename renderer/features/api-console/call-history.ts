import { useSyncExternalStore } from 'react';
import type { RequestForm } from './request-form';

/** One past call: what was asked and how it went. Main added the token; it was never here to keep. */
export interface PastCall {
  readonly id: number;
  readonly request: RequestForm;
  readonly status: number | null;
  readonly durationMs: number | null;
  readonly at: number;
}

const limit = 20;
let calls: readonly PastCall[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

/**
 * The console's history lives in this window's memory only (design/security.md: no renderer storage), and
 * outlives the tab being closed and reopened. Newest first, the last twenty.
 */
export function rememberCall(entry: Omit<PastCall, 'id'>): void {
  calls = [{ ...entry, id: nextId++ }, ...calls].slice(0, limit);
  for (const listener of listeners) listener();
}

export function forgetCalls(): void {
  calls = [];
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCallHistory(): readonly PastCall[] {
  return useSyncExternalStore(subscribe, () => calls);
}
