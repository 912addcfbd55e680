/**
 * `Result` is how expected outcomes travel: across IPC, out of services, and into the UI.
 * Bugs stay exceptions; anything a user can cause is a value the caller must look at.
 */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
