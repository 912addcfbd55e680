import { z } from 'zod';
import { channel } from './channel';
import { Claims } from './session.schema';

/**
 * The token inspector's channels. Inputs name a token either by pasting it or by pointing at the current
 * session's token (main looks it up, so a session token never has to travel to the window and back).
 * Outputs carry decoded header fields, claims and verdicts: never the raw token and never its signature.
 */

/** Far beyond any real JWT; refuses a runaway paste before main spends time on it. */
export const maxTokenLength = 16_384;

/** A token pasted by the user. Surrounding whitespace and a `Bearer ` prefix are common in pastes. */
export const PastedToken = z
  .string()
  .trim()
  .transform((value) => value.replace(/^bearer\s+/i, ''))
  .pipe(z.string().min(1, 'Paste a token').max(maxTokenLength, 'That is too long to be a token'));

/** The current session's access or ID token; `accountId` defaults to the active account. */
export const SessionTokenRef = z
  .object({
    source: z.literal('session'),
    accountId: z.string().min(1).max(512).optional(),
    which: z.enum(['access', 'id']),
  })
  .strict();
export type SessionTokenRef = z.infer<typeof SessionTokenRef>;

export const TokenRef = z.union([PastedToken, SessionTokenRef]);
export type TokenRef = z.infer<typeof TokenRef>;

/** A time claim made readable: the raw seconds, an ISO 8601 instant, and words relative to now. */
export const ReadableTime = z.object({
  epochSeconds: z.number(),
  iso: z.string(),
  /** "in 23 minutes", "2 hours ago". */
  relative: z.string(),
});
export type ReadableTime = z.infer<typeof ReadableTime>;

export const ExplainedClaim = z.object({
  name: z.string(),
  value: z.json(),
  /** Plain words; unregistered claims say so. */
  meaning: z.string(),
  source: z.enum(['jwt', 'oidc', 'oauth', 'auth0', 'custom', 'unknown']),
  time: ReadableTime.optional(),
});
export type ExplainedClaim = z.infer<typeof ExplainedClaim>;

/** For a countdown: the renderer ticks from `expiresAt`; `secondsUntilExpiry` is as of the inspection. */
export const Expiry = z.object({
  expiresAt: z.number().int(),
  secondsUntilExpiry: z.number().int(),
  isExpired: z.boolean(),
});
export type Expiry = z.infer<typeof Expiry>;

/** RFC 7662 §2.2: what the server said about an opaque token. */
export const IntrospectionResult = z.object({
  endpoint: z.string(),
  active: z.boolean(),
  claims: Claims,
  explained: z.array(ExplainedClaim),
});
export type IntrospectionResult = z.infer<typeof IntrospectionResult>;

export const DecodedToken = z.object({
  /** `jws`: a signed JWT; `jwe`: an encrypted one (only its header is readable); `opaque`: not a JWT. */
  format: z.enum(['jws', 'jwe', 'opaque']),
  /** A guess from the claims, for the label on screen. */
  likelyKind: z.enum(['access', 'id', 'unknown']),
  /** One sentence: what this token is. */
  summary: z.string(),
  header: Claims.nullable(),
  claims: Claims.nullable(),
  hasSignature: z.boolean(),
  /** Decoded signature length, so support can spot a truncated paste without seeing the signature. */
  signatureByteLength: z.number().int().nonnegative(),
  explained: z.array(ExplainedClaim),
  expiry: Expiry.nullable(),
  notes: z.array(z.string()),
});
export type DecodedToken = z.infer<typeof DecodedToken>;

export const CheckId = z.enum([
  'format',
  'algorithm',
  'header',
  'key',
  'signature',
  'issuer',
  'audience',
  'authorizedParty',
  'expiry',
  'notBefore',
  'issuedAt',
  'introspection',
]);
export type CheckId = z.infer<typeof CheckId>;

export const CheckStatus = z.enum(['pass', 'fail', 'warn']);
export type CheckStatus = z.infer<typeof CheckStatus>;

export const Check = z.object({
  id: CheckId,
  status: CheckStatus,
  /** Short label, e.g. "Issuer". */
  title: z.string(),
  /** Plain words: what was found and, on failure, what it means. */
  message: z.string(),
});
export type Check = z.infer<typeof Check>;

export const VerifiedKey = z.object({
  kid: z.string().nullable(),
  alg: z.string(),
  /** The configured issuer's key set that the key came from (never one named by the token). */
  keySetUrl: z.string(),
  /** True when the set was fetched again because the token named a key the cached set did not have. */
  refetched: z.boolean(),
});
export type VerifiedKey = z.infer<typeof VerifiedKey>;

export const VerificationResult = z.object({
  /** True when no check failed (warnings allowed). */
  valid: z.boolean(),
  decoded: DecodedToken,
  checks: z.array(Check),
  key: VerifiedKey.nullable(),
  introspection: IntrospectionResult.nullable(),
  /** Set when the token looks issued in the future: the desktop clock is probably wrong. */
  clockWarning: z.string().nullable(),
  /** Epoch milliseconds of the check, for the countdown's reference. */
  checkedAt: z.number().int(),
});
export type VerificationResult = z.infer<typeof VerificationResult>;

export const ClaimChange = z.object({
  part: z.enum(['header', 'claims']),
  name: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  before: z.json().optional(),
  after: z.json().optional(),
  meaning: z.string(),
});
export type ClaimChange = z.infer<typeof ClaimChange>;

export const TokenDiff = z.object({
  changes: z.array(ClaimChange),
  /** Claim names present in both tokens with the same value. */
  unchanged: z.array(z.string()),
});
export type TokenDiff = z.infer<typeof TokenDiff>;

/** One token in a support bundle: signature gone, `sub` and e-mail addresses hashed, the rest kept. */
export const RedactedToken = z.object({
  format: z.enum(['jws', 'jwe', 'opaque']),
  header: Claims.nullable(),
  claims: Claims.nullable(),
  /** Paths (`claims.sub`, `claims.https://example.com/roles.0`) whose values were hashed. */
  hashedPaths: z.array(z.string()),
  checks: z.array(Check),
});
export type RedactedToken = z.infer<typeof RedactedToken>;

export const SupportBundle = z.object({
  format: z.literal('gatehouse-token-bundle'),
  version: z.literal(1),
  createdAt: z.string(),
  /** Plain words on what was removed and hashed, for whoever reads the bundle. */
  redaction: z.string(),
  profile: z.object({
    name: z.string(),
    kind: z.enum(['auth0', 'oauth2']),
    issuer: z.string(),
    clientId: z.string(),
    audience: z.string().optional(),
  }),
  tokens: z.array(RedactedToken),
  /** The app's last log lines, when asked for: redacted on writing and again on attaching. */
  logLines: z.array(z.string()).optional(),
});
export type SupportBundle = z.infer<typeof SupportBundle>;

const ProfileChoice = { profileId: z.string().min(1).max(64).optional() };

export const DecodeInput = z.object({ token: TokenRef }).strict();
export const VerifyInput = z
  .object({
    token: TokenRef,
    ...ProfileChoice,
    /** Overrides the audience this app expects (default: the profile's audience, or its client id). */
    expectedAudience: z.string().min(1).max(2048).optional(),
    /** Allowed clock difference for `exp`, `nbf` and `iat`, in seconds. */
    skewSeconds: z.number().int().min(0).max(3600).optional(),
  })
  .strict();
export type VerifyInput = z.infer<typeof VerifyInput>;
/**
 * The session's access token as it was before its last refresh. Main keeps only its decoded header and
 * claims, so it can be compared but not verified or bundled.
 */
export const PreviousTokenRef = z
  .object({ source: z.literal('previous'), accountId: z.string().min(1).max(512).optional() })
  .strict();
export type PreviousTokenRef = z.infer<typeof PreviousTokenRef>;

export const DiffTokenRef = z.union([TokenRef, PreviousTokenRef]);
export type DiffTokenRef = z.infer<typeof DiffTokenRef>;

export const DiffInput = z.object({ before: DiffTokenRef, after: DiffTokenRef }).strict();
export const SupportBundleInput = z
  .object({
    tokens: z.array(TokenRef).min(1).max(4),
    ...ProfileChoice,
    /** How many of the app's last log lines to attach (none by default). */
    logLines: z.number().int().min(1).max(500).optional(),
  })
  .strict();

export const inspectChannels = {
  /** Decode a token without the network: header, claims explained, expiry countdown. */
  decode: channel('inspect:decode', DecodeInput, DecodedToken),
  /** Verify against the configured issuer's JWKS (or introspect an opaque token) and check every claim. */
  verify: channel('inspect:verify', VerifyInput, VerificationResult),
  /** Compare two tokens claim by claim. */
  diff: channel('inspect:diff', DiffInput, TokenDiff),
  /** A redacted bundle to send to support: no signature, `sub` and e-mail addresses hashed. */
  supportBundle: channel('inspect:supportBundle', SupportBundleInput, SupportBundle),
} as const;
