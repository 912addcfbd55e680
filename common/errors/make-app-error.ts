import type { AppError, AppErrorCode } from './app-error';

/**
 * Builds an AppError. Kept apart from the zod schemas in app-error.ts (a module with top-level `z.…`
 * calls that no bundler may drop) so the renderer's first screen can build errors without loading zod.
 */
export function appError(
  code: AppErrorCode,
  message: string,
  extra: Omit<AppError, 'code' | 'message'> = {},
): AppError {
  return { code, message, ...extra };
}
