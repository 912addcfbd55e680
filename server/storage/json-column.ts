import type { z } from 'zod';

/**
 * Reads a JSON column through a schema. A value that fails the schema is a corrupt row, not bad user
 * input, so this throws (and the error handler answers `server_error`).
 */
export function readJson<S extends z.ZodType>(schema: S, text: string, column: string): z.output<S> {
  const result = schema.safeParse(JSON.parse(text));
  if (!result.success) throw new Error(`column ${column} holds an unexpected value`, { cause: result.error });
  return result.data;
}

/** SQLite has no boolean: 0 and 1 by convention. */
export function toFlag(value: boolean): 0 | 1 {
  return value ? 1 : 0;
}
