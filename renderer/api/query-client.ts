import { QueryClient } from '@tanstack/react-query';
import type { AppError, AppResult } from '../../common/errors/app-error';

/**
 * A failed bridge call, carried through TanStack Query as a thrown value. Screens read `appError` back
 * (see `appErrorOf`) and show it with ErrorCallout; the AppError itself stays plain JSON.
 */
export class AppResultError extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
    this.name = 'AppResultError';
  }
}

/** Turns a bridge Result into a value or a thrown AppResultError, the shape query and mutation functions want. */
export async function unwrap<T>(pending: Promise<AppResult<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new AppResultError(result.error);
  return result.value;
}

/** The AppError behind a query's or mutation's `error`, or undefined when there is none. */
export function appErrorOf(error: unknown): AppError | undefined {
  if (error === null || error === undefined) return undefined;
  if (error instanceof AppResultError) return error.appError;
  // Anything else thrown from a query function is a bug in the renderer; let the error boundary show it.
  throw error instanceof Error ? error : new Error(String(error));
}

/**
 * One cache for the whole window. Query keys start with their area (`['session', …]`, `['settings', …]`,
 * `['admin', …]`, `['inspect', …]`), so a write can invalidate an area by prefix and no screen goes stale.
 *
 * - No automatic retries: main already retries what is safe to retry (a 401 refresh, a network blip), and
 *   a translated AppError ("wrong password", "step-up expired") does not get better by asking again.
 * - No refetch on window focus: the data is the user's own tenant, and a focus change in a desktop app is
 *   not a sign that it changed.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 15_000 },
      mutations: { retry: false },
    },
  });
}
