import type { z } from 'zod';

/** A body that parsed and matched its schema, or why it did not. */
export type ParsedBody<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/**
 * Parses a response body with its schema before anything reads it. The network is untrusted input: a
 * field is used only once a schema has said what it is.
 */
export function parseJsonBody<S extends z.ZodType>(schema: S, text: string): ParsedBody<z.output<S>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: text.trim() === '' ? 'the body was empty' : 'the body was not JSON' };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
  return { ok: false, reason: `unexpected content${where}: ${issue?.message ?? 'invalid'}` };
}
