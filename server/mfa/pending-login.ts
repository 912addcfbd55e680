import { z } from 'zod';

/**
 * A login that stopped at `mfa_required`, stored behind its `mfa_token` (auth0-wire.md §4.1). It holds
 * exactly what the tokens will be made of once the second factor is proven, so the MFA grant issues the
 * same tokens the login would have (the rules and actions already ran and are not run again).
 */
export const PendingLoginSchema = z.object({
  v: z.literal(1),
  /** A password login, or a refresh that a rule or action stopped for MFA. */
  kind: z.enum(['password', 'refresh']),
  connectionId: z.string(),
  /** API identifier, or null for a /userinfo-only token. */
  audience: z.string().nullable(),
  /** Scopes granted before the scripts ran: the refresh-token family keeps these. */
  grantedScope: z.array(z.string()),
  /** The access token's scopes after the scripts. */
  scope: z.array(z.string()),
  issueIdToken: z.boolean(),
  issueRefreshToken: z.boolean(),
  gty: z.union([z.string(), z.array(z.string())]),
  accessTokenClaims: z.record(z.string(), z.unknown()),
  idTokenClaims: z.record(z.string(), z.unknown()),
  /** Refresh only: the rotated refresh token, sealed under a key derived from the mfa_token. */
  sealedRefreshToken: z.string().optional(),
  /** Why MFA was asked for (policy, connection, rule or action): for the tenant log. */
  reason: z.string(),
  /** Whether the user had an active authenticator: if so, /mfa/associate refuses a second enrolment. */
  enrolled: z.boolean(),
  /** When the password was checked (ms): `context.authentication.methods` of the login. */
  passwordAt: z.number(),
});

export type PendingLogin = z.infer<typeof PendingLoginSchema>;

/** Reads a stored pending login; a row that does not parse is corrupt, not user input. */
export function parsePendingLogin(text: string): PendingLogin {
  const parsed = PendingLoginSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error('mfa_transactions.pending holds an unexpected value', { cause: parsed.error });
  return parsed.data;
}
