import type { TokenResponseWire } from '../../common/oauth/wire';

/**
 * A token response, in camelCase, stamped with when it arrived so expiry does not depend on the JWT
 * (access tokens may be opaque). Lives in main-process memory only.
 */
export interface TokenSet {
  readonly accessToken: string;
  readonly tokenType: string;
  readonly expiresAt: number;
  readonly refreshToken?: string;
  readonly idToken?: string;
  readonly scope?: string;
}

/** Servers that omit `expires_in` get a conservative hour, after which we refresh. */
const fallbackLifetimeSeconds = 3600;

export function toTokenSet(wire: TokenResponseWire, receivedAt: number): TokenSet {
  return {
    accessToken: wire.access_token,
    tokenType: wire.token_type,
    expiresAt: receivedAt + (wire.expires_in ?? fallbackLifetimeSeconds) * 1000,
    ...(wire.refresh_token === undefined ? {} : { refreshToken: wire.refresh_token }),
    ...(wire.id_token === undefined ? {} : { idToken: wire.id_token }),
    ...(wire.scope === undefined ? {} : { scope: wire.scope }),
  };
}
