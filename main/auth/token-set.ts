import type { AppError } from '../../common/errors/app-error';

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
  /**
   * Set when this computer's clock disagrees with the server's (its `Date` header, or the fresh token's
   * `iat`/`nbf`). The tokens are fine; times shown to the user will be off. Safe to show: no credential.
   */
  readonly clockSkew?: AppError;
}

/** Servers that omit `expires_in` get a conservative hour, after which we refresh. */
const fallbackLifetimeSeconds = 3600;

/** The checked fields of a token response (see token-answer.ts for the schema). */
export interface TokenFields {
  readonly access_token: string;
  readonly token_type: string;
  readonly expires_in?: number;
  readonly refresh_token?: string;
  readonly id_token?: string;
  readonly scope?: string;
}

export function toTokenSet(wire: TokenFields, receivedAt: number, clockSkew?: AppError): TokenSet {
  return {
    accessToken: wire.access_token,
    tokenType: wire.token_type,
    expiresAt: receivedAt + (wire.expires_in ?? fallbackLifetimeSeconds) * 1000,
    ...(wire.refresh_token === undefined ? {} : { refreshToken: wire.refresh_token }),
    ...(wire.id_token === undefined ? {} : { idToken: wire.id_token }),
    ...(wire.scope === undefined ? {} : { scope: wire.scope }),
    ...(clockSkew === undefined ? {} : { clockSkew }),
  };
}
