import { z } from 'zod';
import type { ManagementError } from './errors';
import { mgmtErrors, printable } from './errors';

/** One line naming the first problem, like Auth0's "Payload validation error: ..." messages. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid value';
  const path = issue.path.map(String).join('.');
  const where = path === '' ? '' : ` on property ${printable(path)}`;
  return `'${printable(issue.message)}'${where}`;
}

function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  failure: (detail: string) => ManagementError,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw failure(describeIssues(result.error));
  return result.data;
}

/** Validates a request body; failures are `400 invalid_body`. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  return parseWith(schema, body, mgmtErrors.invalidBody);
}

/** Validates a query string; failures are `400 invalid_query_string`. */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  return parseWith(schema, query ?? {}, mgmtErrors.invalidQuery);
}

/** A single query value (a repeated one is refused, as it would be ambiguous). */
export const queryString = z.string({ error: 'must be given once, as a string' }).max(2048);

/** A non-negative integer in a query string, within `[min, max]`. */
export function queryInt(min: number, max: number) {
  return queryString
    .regex(/^\d{1,9}$/, 'must be an integer')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

/** `true` or `false` in a query string. */
export const queryBoolean = queryString
  .refine((value) => value === 'true' || value === 'false', 'must be true or false')
  .transform((value) => value === 'true');

/** A parameter that may repeat (`strategy=a&strategy=b`) or be comma-separated: always an array. */
export const queryList = z
  .union([queryString, z.array(queryString).max(100)])
  .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(',')))
  .transform((items) => items.map((item) => item.trim()).filter((item) => item !== ''));

/** A JSON object whose keys are strings; used for metadata and connection options. */
export const jsonObject = z.record(z.string(), z.unknown());

/** C0 control characters other than tab, line feed and carriage return. */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 && char !== '\t' && char !== '\n' && char !== '\r';
}

/** A UTF-8 string of at most `max` characters with no control characters other than whitespace. */
export function text(max: number) {
  return z
    .string()
    .max(max)
    .refine((value) => ![...value].some(isControl), 'must not contain control characters');
}
