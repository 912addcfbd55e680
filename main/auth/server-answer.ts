import { z } from 'zod';

/** Response headers as axios hands them over (lower-case names). */
export type AnswerHeaders = Readonly<Record<string, unknown>>;

/** RFC 6749 §5.2 error body, plus Auth0's extra keys on `mfa_required` (spec/auth0-wire.md §2 row 8, §4.5). */
const OAuthErrorBody = z.object({
  error: z.string().min(1).max(256),
  error_description: z.string().max(4096).optional(),
  mfa_token: z.string().min(1).max(8192).optional(),
  mfa_requirements: z
    .object({
      challenge: z.array(z.object({ type: z.string() })).optional(),
      enroll: z.array(z.object({ type: z.string() })).optional(),
    })
    .optional(),
});

/** Auth0's legacy shape, which the SDKs still read (`code`/`description`, spec §8.1). */
const LegacyErrorBody = z.object({ code: z.string().min(1).max(256), description: z.string().max(4096).optional() });

/** What an error answer said, read once so every other module works with checked fields. */
export interface ServerErrorAnswer {
  readonly error?: string;
  readonly description?: string;
  /** Main-only: the credential that continues an MFA sign-in. Never copied into an AppError. */
  readonly mfaToken?: string;
  readonly mfaRequirements?: { readonly challenge?: readonly string[]; readonly enroll?: readonly string[] };
  /** A body that was not an OAuth error, shortened and masked, for support staff. */
  readonly otherBody?: string;
  readonly retryAfterSeconds?: number;
}

/**
 * Reads an error answer: a JSON body (`error`/`error_description`, or the legacy `code`/`description`),
 * else the `WWW-Authenticate` challenge a bearer-protected endpoint sends (RFC 6750 §3), else nothing
 * but the status, which the caller then translates by itself.
 */
export function readErrorAnswer(rawBody: string, headers: AnswerHeaders = {}): ServerErrorAnswer {
  const retryAfterSeconds = retryAfter(headerValue(headers, 'retry-after'));
  const extra = retryAfterSeconds === undefined ? {} : { retryAfterSeconds };
  const json = safeJson(rawBody);
  const oauth = OAuthErrorBody.safeParse(json);
  if (oauth.success) {
    const { error, error_description: description, mfa_token: mfaToken, mfa_requirements: requirements } = oauth.data;
    return {
      error,
      ...(description === undefined ? {} : { description }),
      ...(mfaToken === undefined ? {} : { mfaToken }),
      ...(requirements === undefined
        ? {}
        : {
            mfaRequirements: {
              ...(requirements.challenge && { challenge: requirements.challenge.map((item) => item.type) }),
              ...(requirements.enroll && { enroll: requirements.enroll.map((item) => item.type) }),
            },
          }),
      ...extra,
    };
  }
  const legacy = LegacyErrorBody.safeParse(json);
  if (legacy.success) {
    return {
      error: legacy.data.code,
      ...(legacy.data.description && { description: legacy.data.description }),
      ...extra,
    };
  }
  const challenge = bearerChallenge(headerValue(headers, 'www-authenticate'));
  const otherBody = rawBody.trim() === '' ? undefined : maskTokens(rawBody.trim()).slice(0, 500);
  return { ...challenge, ...(otherBody === undefined ? {} : { otherBody }), ...extra };
}

/** One header's value as a string; axios may give arrays for repeated headers. */
export function headerValue(headers: AnswerHeaders, name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

/** `error` and `error_description` from `WWW-Authenticate: Bearer error="invalid_token", …` (RFC 6750 §3). */
function bearerChallenge(header: string | undefined): { error?: string; description?: string } {
  if (header === undefined) return {};
  const error = /\berror="([^"]{1,256})"/i.exec(header)?.[1];
  const description = /\berror_description="([^"]{0,1024})"/i.exec(header)?.[1];
  return { ...(error && { error }), ...(description && { description }) };
}

/** `Retry-After` as seconds: either a number of seconds or an HTTP date (RFC 9110 §10.2.3). */
function retryAfter(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d{1,9}$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

const tokenLikeKey = /"([\w-]*(?:token|secret|password|code|assertion)[\w-]*)"\s*:\s*"[^"]*"/gi;

/** A strange body may still echo a credential; mask any JSON string value under a token-like key. */
function maskTokens(text: string): string {
  return text.replace(tokenLikeKey, '"$1":"***"');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
