import { expect } from 'vitest';
import { AppError, type AppErrorCode } from '../../common/errors/app-error';
import { translateServerError, type TokenOperation } from '../../main/auth/error-translation';

/** An OAuth error body as a server would send it: `error`, an optional description, and any extras. */
export const errorBody = (error: string, description?: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify(description === undefined ? { error, ...extra } : { error, error_description: description, ...extra });

/** One row of a translation table: what the server sent, and what the user must be told. */
export type TranslationRow = readonly [
  label: string,
  status: number,
  raw: string,
  operation: TokenOperation,
  code: AppErrorCode,
  words: RegExp,
];

/** Each row: the right code, plain words, a next step, the raw status, and a shape that may cross IPC. */
export function expectTranslated(
  status: number,
  raw: string,
  operation: TokenOperation,
  code: AppErrorCode,
  words: RegExp,
): void {
  const error = translateServerError(status, raw, operation);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(words);
  expect(error.nextStep?.length).toBeGreaterThan(10);
  expect(error.detail?.status).toBe(status);
  expect(AppError.safeParse(error).success).toBe(true);
}
