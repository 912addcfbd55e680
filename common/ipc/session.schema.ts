import { z } from 'zod';

/** Decoded JWT claims as plain JSON: what the renderer may see of a token. Never the token itself. */
export const Claims = z.record(z.string(), z.json());
export type Claims = z.infer<typeof Claims>;

/** Where the refresh token lives: the OS keychain, or (when that is unavailable) main-process memory only. */
export const SessionStorage = z.enum(['keychain', 'memory']);
export type SessionStorage = z.infer<typeof SessionStorage>;

/**
 * Why a refresh token is kept in memory only: no working keychain, the organisation's policy forbids saving
 * sessions, or the user unticked "Keep me signed in". Each calls for different words, so none is guessed.
 */
export const MemoryReason = z.enum(['no-keychain', 'policy', 'user-choice']);
export type MemoryReason = z.infer<typeof MemoryReason>;

/** The outcome of the most recent refresh grant, with the server's own words when it failed. No token. */
export const RefreshOutcome = z.object({
  at: z.number().int(),
  ok: z.boolean(),
  /** Plain words for a failure (the AppError message). */
  message: z.string().optional(),
  /** The server's own error text, when it sent one. */
  detail: z.string().optional(),
});
export type RefreshOutcome = z.infer<typeof RefreshOutcome>;

/** Refresh-token health: facts about the session's life, never a secret. Times are epoch milliseconds. */
export const SessionHealth = z.object({
  /** When this app obtained the session: the password sign-in, or the restore from the keychain. */
  startedAt: z.number().int(),
  startedBy: z.enum(['sign-in', 'restore']),
  /** When a refresh last brought a different refresh token; null before any rotation was seen. */
  lastRotatedAt: z.number().int().nullable(),
  /** Whether the server rotates refresh tokens, as seen on the last refresh; null before any refresh. */
  rotates: z.boolean().nullable(),
  lastRefresh: RefreshOutcome.nullable(),
  /** When the proactive refresh is planned; null when the session cannot be renewed (or is locked). */
  nextRefreshAt: z.number().int().nullable(),
  /** Set when `storage` is memory: the true reason. */
  memoryReason: MemoryReason.nullable(),
});
export type SessionHealth = z.infer<typeof SessionHealth>;

/**
 * Everything a window may know about a signed-in account. It is built from decoded claims and carries
 * no token: the router parses every output with this schema, which also strips any field not named here.
 */
export const SessionSummary = z.object({
  accountId: z.string().min(1),
  profileId: z.string().min(1),
  realm: z.string().nullable(),
  username: z.string().min(1),
  user: z.object({
    sub: z.string(),
    name: z.string().optional(),
    email: z.string().optional(),
    picture: z.string().optional(),
  }),
  audience: z.string().optional(),
  scope: z.string(),
  /** Access-token expiry, epoch milliseconds. */
  expiresAt: z.number().int(),
  /** Whether a refresh token exists, so the session can be renewed and restored. */
  renewable: z.boolean(),
  storage: SessionStorage,
  /** Locked after idle time (policy): tokens were dropped from memory; unlocking renews them. */
  locked: z.boolean(),
  /** Null when the server sent no ID token (no `openid` scope). */
  idTokenClaims: Claims.nullable(),
  /** Null when the access token is opaque rather than a JWT. */
  accessTokenClaims: Claims.nullable(),
  health: SessionHealth,
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const SessionChangeReason = z.enum([
  'signed_in',
  'restored',
  'refreshed',
  'signed_out',
  'expired',
  'switched',
  'locked',
  'unlocked',
  /** A refresh failed but the session lives on (for example the network was down); see `health.lastRefresh`. */
  'refresh_failed',
]);
export type SessionChangeReason = z.infer<typeof SessionChangeReason>;

export const SessionChanged = z.object({
  session: SessionSummary.nullable(),
  reason: SessionChangeReason,
  /** Plain words for the user when a session ended on its own (for example a revoked refresh token). */
  notice: z.string().optional(),
});
export type SessionChanged = z.infer<typeof SessionChanged>;
