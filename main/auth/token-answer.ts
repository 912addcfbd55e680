import { decodeJwt } from 'jose';
import { z } from 'zod';
import { appError, type AppError } from '../../common/errors/app-error';
import { parseJsonBody } from '../net/json-body';
import { clockSkewProblem, serverClockOffset, type FreshTokenTimes } from './clock-skew';
import { translateServerAnswer, type TokenOperation } from './error-translation';
import type { RawAnswer } from './oauth-transport';
import { headerValue, readErrorAnswer, type ServerErrorAnswer } from './server-answer';
import { toTokenSet, type TokenSet } from './token-set';

/**
 * RFC 6749 §5.1 with Auth0's extra `recovery_code` (spec/auth0-wire.md §4.5). Lenient where real servers
 * bend the RFC: `expires_in` as a numeric string; `token_type` in any case (RFC 6749 §7.1 makes it
 * case-insensitive, and several servers send `bearer`).
 */
const TokenAnswerWire = z.object({
  access_token: z.string().min(1),
  token_type: z
    .string()
    .min(1)
    .refine((type) => type.toLowerCase() === 'bearer', 'only Bearer tokens are supported'),
  expires_in: z
    .union([
      z.number().nonnegative(),
      z
        .string()
        .regex(/^\d{1,10}$/)
        .transform(Number),
    ])
    .transform(Math.floor)
    .optional(),
  refresh_token: z.string().min(1).optional(),
  id_token: z.string().min(1).optional(),
  scope: z.string().optional(),
  recovery_code: z.string().min(1).optional(),
});

/** A token answer, read: the tokens, or the translated error plus what main alone may keep (an `mfa_token`). */
export type TokenAnswer =
  | { readonly ok: true; readonly tokens: TokenSet; readonly recoveryCode?: string }
  | { readonly ok: false; readonly error: AppError; readonly answer?: ServerErrorAnswer };

/**
 * Reads a token endpoint answer. Errors are translated once; a legacy Auth0 answer that carries an
 * `error` with HTTP 200 (spec §4.5) is treated as the error it is. On success the server's clock is
 * compared with ours (its `Date` header and the fresh token's `iat`/`nbf`).
 */
export function readTokenAnswer(raw: RawAnswer, operation: TokenOperation, toleranceMs?: number): TokenAnswer {
  const looksLikeError = raw.status < 200 || raw.status >= 300 || /"error"\s*:/.test(raw.body);
  if (looksLikeError) {
    const answer = readErrorAnswer(raw.body, raw.headers);
    if (raw.status >= 300 || answer.error !== undefined) {
      const status = raw.status >= 300 ? raw.status : 400;
      return { ok: false, error: translateServerAnswer(status, answer, operation), answer };
    }
  }
  const parsed = parseJsonBody(TokenAnswerWire, raw.body);
  if (!parsed.ok) {
    return {
      ok: false,
      error: appError('server_error', `The server’s answer was not a usable token response: ${parsed.reason}.`, {
        nextStep: 'Check the server profile; the token endpoint may be wrong.',
        detail: { status: raw.status },
      }),
    };
  }
  const { recovery_code: recoveryCode, ...fields } = parsed.value;
  const serverDate = headerValue(raw.headers, 'date');
  const clockSkew = clockSkewProblem({
    offsetMs: serverClockOffset({ serverDate, sentAt: raw.sentAt, receivedAt: raw.receivedAt }),
    receivedAt: raw.receivedAt,
    token: freshTimes(fields.id_token ?? fields.access_token),
    ...(toleranceMs === undefined ? {} : { toleranceMs }),
    ...(serverDate === undefined ? {} : { serverDate }),
  });
  return {
    ok: true,
    tokens: toTokenSet(fields, raw.receivedAt, clockSkew),
    ...(recoveryCode === undefined ? {} : { recoveryCode }),
  };
}

/** `iat` and `nbf` of a JWT, unverified: used only as a hint about clocks, never to trust the token. */
function freshTimes(token: string): FreshTokenTimes | undefined {
  try {
    const { iat, nbf } = decodeJwt(token);
    return { ...(typeof iat === 'number' && { iat }), ...(typeof nbf === 'number' && { nbf }) };
  } catch {
    return undefined; // an opaque token: no claims to read
  }
}
