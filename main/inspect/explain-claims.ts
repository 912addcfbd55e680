import { describeClaim } from '../../common/claims/claim-descriptions';
import type { DecodedToken, ExplainedClaim, Expiry } from '../../common/ipc/inspect.contract';
import type { Claims } from '../../common/ipc/session.schema';
import { readableTimeOf, readableTimesAt, type TimeReader } from './readable-time';
import type { TokenAnatomy } from './token-anatomy';

const unknownMeaning = 'Not a registered claim: the server, or a rule or action on it, added it.';

/** Every claim in token order, with plain words from the shared descriptions and readable times. */
export function explainClaims(
  claims: Claims,
  nowMs: number,
  timeAt: TimeReader = readableTimesAt(nowMs),
): ExplainedClaim[] {
  return Object.entries(claims).map(([name, value]) => {
    const description = describeClaim(name);
    const time = description?.isTime ? readableTimeOf(value, timeAt) : undefined;
    return {
      name,
      value,
      meaning: description?.meaning ?? unknownMeaning,
      source: description?.source ?? 'unknown',
      ...(time === undefined ? {} : { time }),
    };
  });
}

/** The countdown: `exp` (RFC 7519 §4.1.4) against now. Null when the token never expires or is unreadable. */
export function expiryOf(claims: Claims | null, nowMs: number): Expiry | null {
  const exp = claims?.exp;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return null;
  const secondsUntilExpiry = Math.floor(exp - nowMs / 1000);
  return { expiresAt: Math.round(exp * 1000), secondsUntilExpiry, isExpired: secondsUntilExpiry <= 0 };
}

/**
 * A label for the screen, not a security decision. RFC 9068 access tokens say `typ: at+jwt`; Auth0's
 * carry `scope` or `gty`; ID tokens (OIDC Core §2) carry `nonce`, `at_hash` or profile claims.
 */
export function likelyKind(header: Claims | null, claims: Claims | null): DecodedToken['likelyKind'] {
  if (claims === null) return 'unknown';
  const typ = typeof header?.typ === 'string' ? header.typ.toLowerCase() : '';
  if (typ === 'at+jwt' || typ === 'application/at+jwt') return 'access';
  if (['scope', 'scp', 'gty', 'permissions', 'client_id'].some((name) => name in claims)) return 'access';
  if (['nonce', 'at_hash', 'email', 'name', 'nickname', 'auth_time'].some((name) => name in claims)) return 'id';
  return 'unknown';
}

/** The decode result the window and the CLI show. Contains no signature and no raw token. */
export function describeToken(
  anatomy: TokenAnatomy,
  nowMs: number,
  timeAt: TimeReader = readableTimesAt(nowMs),
): DecodedToken {
  const kind = likelyKind(anatomy.header, anatomy.claims);
  return {
    format: anatomy.format,
    likelyKind: kind,
    summary: summaryOf(anatomy, kind),
    header: anatomy.header,
    claims: anatomy.claims,
    hasSignature: anatomy.signatureByteLength > 0,
    signatureByteLength: anatomy.signatureByteLength,
    explained: anatomy.claims === null ? [] : explainClaims(anatomy.claims, nowMs, timeAt),
    expiry: expiryOf(anatomy.claims, nowMs),
    notes: [...anatomy.notes],
  };
}

function summaryOf(anatomy: TokenAnatomy, kind: DecodedToken['likelyKind']): string {
  const label = kind === 'access' ? 'an access token' : kind === 'id' ? 'an ID token' : 'a token';
  switch (anatomy.format) {
    case 'opaque':
      return 'An opaque token: not a JWT, so only its issuer can read it.';
    case 'jwe':
      return 'An encrypted JWT (JWE): its claims are hidden from everyone but the holder of the key.';
    case 'jws': {
      const alg = typeof anatomy.header?.alg === 'string' ? anatomy.header.alg : 'no algorithm';
      const claimCount =
        anatomy.claims === null ? 'no readable claims' : `${Object.keys(anatomy.claims).length} claims`;
      return `A signed JWT (${alg}), probably ${label}, with ${claimCount}.`;
    }
  }
}
