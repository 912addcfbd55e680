import type { Check } from '../../common/ipc/inspect.contract';
import type { Claims } from '../../common/ipc/session.schema';
import { durationWords, readableTimesAt, type TimeReader } from './readable-time';

/** What the configured profile expects of its tokens. */
export interface ClaimExpectations {
  readonly issuer: string;
  /** The token passes when its `aud` names any of these. Empty: the audience is not checked (a warning). */
  readonly audiences: readonly string[];
  /** This app's client id, for `azp`. */
  readonly clientId: string;
  /** Allowed clock difference for `exp`, `nbf` and `iat` (RFC 7519 §4.1.4: "some small leeway"). */
  readonly skewSeconds: number;
  readonly nowMs: number;
  /** Readable times at `nowMs`, shared with the token's explanation so each is worded once. */
  readonly timeAt?: TimeReader;
}

export interface ClaimCheckOutcome {
  readonly checks: Check[];
  /** Plain words when the token seems to come from the future: the desktop clock is probably behind. */
  readonly clockWarning: string | null;
}

/** Runs the registered-claim checks; each one reports on its own, so a screen can show them all. */
export function checkClaims(claims: Claims, expect: ClaimExpectations): ClaimCheckOutcome {
  const now = expect.nowMs / 1000;
  const timeAt = expect.timeAt ?? readableTimesAt(expect.nowMs);
  const issuedAt = issuedAtCheck(claims.iat, now, expect.skewSeconds, timeAt);
  return {
    checks: [
      issuerCheck(claims.iss, expect.issuer),
      audienceCheck(claims.aud, expect.audiences),
      authorizedPartyCheck(claims.azp ?? claims.client_id, claims.aud, expect.clientId),
      expiryCheck(claims.exp, now, expect, timeAt),
      notBeforeCheck(claims.nbf, now, expect, timeAt),
      issuedAt.check,
    ],
    clockWarning: issuedAt.clockWarning,
  };
}

function issuerCheck(iss: unknown, expected: string): Check {
  const title = 'Issuer';
  if (typeof iss !== 'string') {
    return { id: 'issuer', status: 'fail', title, message: 'The token does not say who issued it (no iss).' };
  }
  return sameIssuer(iss, expected)
    ? { id: 'issuer', status: 'pass', title, message: `Issued by ${iss}, the configured server.` }
    : {
        id: 'issuer',
        status: 'fail',
        title,
        message: `Issued by ${iss}, but this profile trusts ${expected}. A token from another server must be refused.`,
      };
}

function audienceCheck(aud: unknown, expected: readonly string[]): Check {
  const title = 'Audience';
  const audiences =
    typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a) => typeof a === 'string') : [];
  if (audiences.length === 0) {
    return {
      id: 'audience',
      status: 'fail',
      title,
      message: 'The token names no audience, so any service might accept it.',
    };
  }
  const named = audiences.join(', ');
  if (expected.length === 0) {
    return {
      id: 'audience',
      status: 'warn',
      title,
      message: `Meant for ${named}; no expected audience was configured, so it was not compared.`,
    };
  }
  return audiences.some((a) => expected.includes(a))
    ? { id: 'audience', status: 'pass', title, message: `Meant for ${named}, as expected.` }
    : {
        id: 'audience',
        status: 'fail',
        title,
        message: `Meant for ${named}, but this app expects ${expected.join(' or ')}. It was issued for something else.`,
      };
}

// OIDC Core §2 and §3.1.3.7 (4)–(5): `azp` names the client the token was issued to; it should be present
// when there are several audiences, and when present it must be this client. RFC 9068 §2.2 access tokens
// say the same with `client_id`.
function authorizedPartyCheck(azp: unknown, aud: unknown, clientId: string): Check {
  const title = 'Authorized party';
  if (azp === undefined) {
    return Array.isArray(aud) && aud.length > 1
      ? {
          id: 'authorizedParty',
          status: 'warn',
          title,
          message: 'Several audiences but no azp: the token does not say which app it was issued to.',
        }
      : {
          id: 'authorizedParty',
          status: 'pass',
          title,
          message: 'No azp claim; with a single audience none is needed.',
        };
  }
  if (azp === clientId) {
    return { id: 'authorizedParty', status: 'pass', title, message: `Issued to this app (${clientId}).` };
  }
  return {
    id: 'authorizedParty',
    status: 'fail',
    title,
    message: `Issued to another app (${String(azp)}), not to this one (${clientId}).`,
  };
}

function expiryCheck(exp: unknown, now: number, expect: ClaimExpectations, timeAt: TimeReader): Check {
  const title = 'Expiry';
  if (exp === undefined) {
    return {
      id: 'expiry',
      status: 'warn',
      title,
      message: 'The token never expires (no exp); a stolen copy works forever.',
    };
  }
  const at = typeof exp === 'number' ? timeAt(exp) : undefined;
  if (typeof exp !== 'number' || at === undefined) {
    return { id: 'expiry', status: 'fail', title, message: 'The expiry (exp) is not a valid time.' };
  }
  if (now < exp) return { id: 'expiry', status: 'pass', title, message: `Expires ${at.relative} (${at.iso}).` };
  if (now < exp + expect.skewSeconds) {
    return {
      id: 'expiry',
      status: 'warn',
      title,
      message: `Expired ${at.relative} (${at.iso}), within the ${expect.skewSeconds}-second allowance for clock differences.`,
    };
  }
  return {
    id: 'expiry',
    status: 'fail',
    title,
    message: `Expired ${at.relative} (${at.iso}). Sign in again or refresh to get a new one.`,
  };
}

function notBeforeCheck(nbf: unknown, now: number, expect: ClaimExpectations, timeAt: TimeReader): Check {
  const title = 'Not before';
  if (nbf === undefined)
    return { id: 'notBefore', status: 'pass', title, message: 'No not-before time: valid from issue.' };
  const at = typeof nbf === 'number' ? timeAt(nbf) : undefined;
  if (typeof nbf !== 'number' || at === undefined) {
    return { id: 'notBefore', status: 'fail', title, message: 'The not-before time (nbf) is not a valid time.' };
  }
  if (nbf <= now) return { id: 'notBefore', status: 'pass', title, message: `Valid since ${at.relative} (${at.iso}).` };
  if (nbf <= now + expect.skewSeconds) {
    return {
      id: 'notBefore',
      status: 'warn',
      title,
      message: `Valid only ${at.relative}, within the ${expect.skewSeconds}-second allowance for clock differences.`,
    };
  }
  return {
    id: 'notBefore',
    status: 'fail',
    title,
    message: `Not valid yet: it becomes valid ${at.relative} (${at.iso}). If that seems wrong, check this computer’s clock.`,
  };
}

function issuedAtCheck(
  iat: unknown,
  now: number,
  skew: number,
  timeAt: TimeReader,
): { check: Check; clockWarning: string | null } {
  const title = 'Issued at';
  if (iat === undefined) {
    return {
      check: { id: 'issuedAt', status: 'warn', title, message: 'The token does not say when it was issued (no iat).' },
      clockWarning: null,
    };
  }
  const at = typeof iat === 'number' ? timeAt(iat) : undefined;
  if (typeof iat !== 'number' || at === undefined) {
    return {
      check: { id: 'issuedAt', status: 'fail', title, message: 'The issue time (iat) is not a valid time.' },
      clockWarning: null,
    };
  }
  if (iat > now + skew) {
    const clockWarning = `This token was issued ${durationWords(iat - now)} in the future by this computer’s clock. This computer’s clock is probably behind: set it to update automatically.`;
    return { check: { id: 'issuedAt', status: 'warn', title, message: clockWarning }, clockWarning };
  }
  return {
    check: { id: 'issuedAt', status: 'pass', title, message: `Issued ${at.relative} (${at.iso}).` },
    clockWarning: null,
  };
}

/**
 * Issuers are compared exactly (RFC 8414 §3.3), except for a trailing slash: profiles always store one,
 * while servers such as Keycloak publish their issuer without it.
 */
export function sameIssuer(a: string, b: string): boolean {
  return a.replace(/\/$/, '') === b.replace(/\/$/, '');
}
