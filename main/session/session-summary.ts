import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { Claims, SessionStorage, SessionSummary } from '../../common/ipc/session.schema';
import type { TokenSet } from '../auth/token-set';
import type { AccountRef } from './account-id';

/**
 * Decodes a JWT's payload for display. This does not verify anything: the summary shows what the server
 * issued over a verified TLS channel; the inspector verifies signatures against the issuer's JWKS.
 */
export function decodeClaims(token: string | undefined): Claims | null {
  if (token === undefined) return null;
  try {
    return JSON.parse(JSON.stringify(decodeJwt(token))) as Claims;
  } catch {
    return null; // an opaque token: nothing to show
  }
}

/** A JWT's protected header, decoded for display (the same caveat as `decodeClaims`). */
export function decodeHeader(token: string | undefined): Claims | null {
  if (token === undefined) return null;
  try {
    return JSON.parse(JSON.stringify(decodeProtectedHeader(token))) as Claims;
  } catch {
    return null;
  }
}

function stringClaim(claims: Claims | null, name: string): string | undefined {
  const value = claims?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** Builds what the window may see of a session: claims and facts, never a token. */
export function summarize(
  accountId: string,
  ref: AccountRef,
  tokens: TokenSet,
  renewal: { readonly renewable: boolean; readonly storage: SessionStorage },
  audience: string | undefined,
): Omit<SessionSummary, 'locked' | 'health'> {
  const idTokenClaims = decodeClaims(tokens.idToken);
  const accessTokenClaims = decodeClaims(tokens.accessToken);
  const name = stringClaim(idTokenClaims, 'name');
  const email = stringClaim(idTokenClaims, 'email');
  const picture = stringClaim(idTokenClaims, 'picture');
  return {
    accountId,
    profileId: ref.profileId,
    realm: ref.realm,
    username: ref.username,
    user: {
      sub: stringClaim(idTokenClaims, 'sub') ?? stringClaim(accessTokenClaims, 'sub') ?? ref.username,
      ...(name === undefined ? {} : { name }),
      ...(email === undefined ? {} : { email }),
      ...(picture === undefined ? {} : { picture }),
    },
    ...(audience === undefined ? {} : { audience }),
    scope: tokens.scope ?? stringClaim(accessTokenClaims, 'scope') ?? '',
    expiresAt: tokens.expiresAt,
    renewable: renewal.renewable,
    storage: renewal.storage,
    idTokenClaims,
    accessTokenClaims,
  };
}
