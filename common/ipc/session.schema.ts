import { z } from 'zod';

/** Decoded JWT claims as plain JSON: what the renderer may see of a token. Never the token itself. */
export const Claims = z.record(z.string(), z.json());
export type Claims = z.infer<typeof Claims>;

/** Where the refresh token lives: the OS keychain, or (when that is unavailable) main-process memory only. */
export const SessionStorage = z.enum(['keychain', 'memory']);
export type SessionStorage = z.infer<typeof SessionStorage>;

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
]);
export type SessionChangeReason = z.infer<typeof SessionChangeReason>;

export const SessionChanged = z.object({
  session: SessionSummary.nullable(),
  reason: SessionChangeReason,
  /** Plain words for the user when a session ended on its own (for example a revoked refresh token). */
  notice: z.string().optional(),
});
export type SessionChanged = z.infer<typeof SessionChanged>;
