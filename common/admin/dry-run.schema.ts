import { z } from 'zod';
import { JsonObject } from './admin-common.schema';

/**
 * Gatehouse's dry-run extension (`POST /api/v2/rules/try`, `POST /api/v2/actions/actions/try`): run a
 * rule, an action, unsaved code or the whole post-login pipeline against a real user and client without
 * signing in, and see the claims the tokens would carry and which script set each one. No token is made:
 * the report holds claims, never a token.
 */

/** What runs: a saved script, unsaved source, or the whole pipeline as logins run it. */
export const DryRunTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('saved'), id: z.string().min(1).max(100) }),
  z.strictObject({
    kind: z.literal('source'),
    source: z.string().min(1).max(100_000),
    name: z.string().max(200).optional(),
    /** Actions only: made-up `event.secrets` values for this run (sent to the server, never returned). */
    secrets: z.record(z.string().regex(/^[A-Za-z0-9_]{1,128}$/), z.string().max(4096)).optional(),
  }),
  z.strictObject({ kind: z.literal('pipeline') }),
]);
export type DryRunTarget = z.infer<typeof DryRunTarget>;

/** The made-up login: who signs in, with which client, realm, protocol, audience and scopes. */
export const DryRunInput = z.strictObject({
  target: DryRunTarget,
  userId: z.string().min(1).max(100),
  clientId: z.string().min(1).max(100),
  /** The realm; default the user's own. */
  connection: z.string().min(1).max(128).optional(),
  protocol: z.enum(['oauth2-password', 'oauth2-refresh-token']).optional(),
  audience: z.string().min(1).max(600).optional(),
  scope: z.array(z.string().min(1).max(200)).max(100).optional(),
  ip: z.union([z.ipv4(), z.ipv6()]).optional(),
  userAgent: z.string().max(512).optional(),
});
export type DryRunInput = z.infer<typeof DryRunInput>;

export const ScriptRef = z.object({ kind: z.enum(['rule', 'action']), id: z.string(), name: z.string() });
export type ScriptRef = z.infer<typeof ScriptRef>;

const ClaimSource = z.object({ token: z.enum(['access', 'id']), claim: z.string(), script: ScriptRef });

/** The report of a dry run. Field names say "claims": these are decoded claims, not tokens. */
export const DryRunReport = z.object({
  outcome: z.enum(['allow', 'deny', 'redirect', 'mfa_required']),
  /** The error the sign-in would have answered with. */
  error: z.object({ status: z.number().int(), error: z.string(), errorDescription: z.string() }).optional(),
  stoppedBy: ScriptRef.optional(),
  redirectUrl: z.string().optional(),
  mfaReason: z.string().optional(),
  accessTokenClaims: JsonObject,
  accessTokenScope: z.array(z.string()),
  idTokenClaims: JsonObject,
  /** Which script last set each claim. */
  provenance: z.array(ClaimSource),
  /** Claims a script tried to set but the server refused (reserved names, non-namespaced, too large). */
  dropped: z.array(ClaimSource.extend({ reason: z.string() })),
  console: z.array(z.object({ script: ScriptRef, level: z.string(), line: z.string() })),
  scripts: z.array(z.object({ script: ScriptRef, status: z.string(), ms: z.number() })),
});
export type DryRunReport = z.infer<typeof DryRunReport>;
