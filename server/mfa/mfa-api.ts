import type { JSONWebKeySet } from 'jose';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { Clock } from '../config';
import type { IssuerSource } from '../issuer';
import type { ResourceServer } from '../tenant/model';
import type { ResourceServerDirectory } from '../tenant/resource-server-directory';

/** Auth0's MFA API audience, `https://{domain}/mfa/` (auth0-wire.md §4.1), from the current issuer. */
export function mfaApiIdentifier(issuer: string): string {
  return `${issuer}mfa/`;
}

/** The MFA API's scopes (§4.1). */
export const mfaApiScopes = ['enroll', 'read:authenticators', 'remove:authenticators'] as const;

/** The MFA API as a system resource server: its tokens live 10 minutes, not configurable (§4.1). */
export function mfaApi(issuer: string): ResourceServer {
  return {
    id: 'mfa-api',
    identifier: mfaApiIdentifier(issuer),
    name: 'MFA API',
    scopes: mfaApiScopes.map((value) => ({ value, description: value })),
    allowOfflineAccess: false,
    tokenLifetime: 600,
    signingAlg: 'RS256',
    enforcePolicies: false,
    tokenDialect: 'access_token',
    isSystem: true,
  };
}

/** Adds the MFA API to a directory, so a password login can ask for `audience=<issuer>mfa/`. */
export function withMfaApi(directory: ResourceServerDirectory, issuer: IssuerSource): ResourceServerDirectory {
  return {
    findByIdentifier(identifier) {
      const current = issuer.get();
      return identifier === mfaApiIdentifier(current) ? mfaApi(current) : directory.findByIdentifier(identifier);
    },
  };
}

/** Who an MFA API access token speaks for. */
export interface MfaApiCaller {
  /** The user id (after `auth0|`). */
  readonly userId: string;
  readonly scopes: ReadonlySet<string>;
}

/**
 * Verifies an MFA API access token: RS256 by one of our published keys, our issuer, the MFA API among
 * its audiences, unexpired by the injected clock. Returns undefined for anything else.
 */
export async function verifyMfaApiToken(
  token: string,
  keys: { jwks(): { readonly keys: readonly object[] } },
  issuer: IssuerSource,
  clock: Clock,
): Promise<MfaApiCaller | undefined> {
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(keys.jwks() as unknown as JSONWebKeySet), {
      issuer: issuer.get(),
      audience: mfaApiIdentifier(issuer.get()),
      algorithms: ['RS256'],
      currentDate: new Date(clock()),
      requiredClaims: ['sub', 'exp'],
    });
    const subject = payload.sub ?? '';
    if (!subject.startsWith('auth0|')) return undefined;
    const scope = typeof payload['scope'] === 'string' ? payload['scope'] : '';
    return { userId: subject.slice('auth0|'.length), scopes: new Set(scope.split(' ').filter((s) => s !== '')) };
  } catch {
    return undefined;
  }
}
