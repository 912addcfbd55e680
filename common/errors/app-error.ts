import { z } from 'zod';
import type { Result } from '../result';

/**
 * Every failure the app can show. The renderer switches on `code` exhaustively, so adding a code is a
 * deliberate, type-checked change in every screen that handles errors.
 */
export const appErrorCodes = [
  'invalid_credentials',
  'mfa_required',
  'too_many_attempts',
  'user_blocked',
  'access_denied',
  'unauthorized_client',
  'invalid_realm',
  'invalid_request',
  'session_expired',
  'server_error',
  'network',
  'tls',
  'timeout',
  'keychain_unavailable',
  'not_signed_in',
  'invalid_input',
  'forbidden_sender',
  'internal',
  'policy_locked',
  'settings_invalid',
  'not_found',
  // Token endpoint and MFA answers (main/auth/error-catalogue.ts; spec/auth0-wire.md §2, §4.5).
  'password_leaked',
  'requires_verification',
  'interaction_required',
  'invalid_scope',
  'unsupported_grant_type',
  'rate_limited',
  'invalid_token',
  'mfa_invalid_code',
  'mfa_expired',
  'mfa_pending',
  'mfa_slow_down',
  'mfa_rejected',
  'mfa_not_enrolled',
  'clock_skew',
  'discovery_failed',
  // Management API answers (main/admin/admin-errors.ts; spec/auth0-wire.md §7).
  'insufficient_scope',
  'conflict',
  // The admin pane's step-up credential is missing, expired or refused: ask for the password again.
  'admin_step_up_required',
] as const;

export const AppErrorCode = z.enum(appErrorCodes);
export type AppErrorCode = z.infer<typeof AppErrorCode>;

/** What the server actually said, kept verbatim for support staff ("show details"). */
export const ServerAnswer = z.object({
  status: z.number().int().optional(),
  error: z.string().optional(),
  errorDescription: z.string().optional(),
  /** The start of a body that was not an OAuth error (an HTML page, plain text), with token-like values masked. */
  body: z.string().optional(),
  /** The server's `Date` header and our clock's offset from it, when clock skew is the problem. */
  serverDate: z.string().optional(),
  clockOffsetMs: z.number().int().optional(),
  /** Seconds the server asked us to wait (`Retry-After`, RFC 9110 §10.2.3). */
  retryAfterSeconds: z.number().int().optional(),
});
export type ServerAnswer = z.infer<typeof ServerAnswer>;

export const AppError = z.object({
  code: AppErrorCode,
  /** Plain words: what happened. */
  message: z.string(),
  /** Plain words: what the user can do about it. */
  nextStep: z.string().optional(),
  /** The raw answer, one click away in the UI. Never contains a credential. */
  detail: ServerAnswer.optional(),
});
export type AppError = z.infer<typeof AppError>;

export type AppResult<T> = Result<T, AppError>;

// The constructor lives in its own zod-free module; re-exported so main and the admin pane keep one import.
export { appError } from './make-app-error';
