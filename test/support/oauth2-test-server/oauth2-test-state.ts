import { randomBytes, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

/** A client of the generic server. `secret` undefined means a public client (RFC 6749 §2.1). */
export interface GenericClient {
  readonly clientId: string;
  readonly secret?: string;
}

/** Users by realm: username → password. */
export type GenericRealms = Readonly<Record<string, Readonly<Record<string, string>>>>;

export const genericDefaults = {
  realms: {
    employees: { alice: 'alice-generic-pass', throttled: 'any', broken: 'any' },
    contractors: { bob: 'bob-generic-pass' },
  } satisfies GenericRealms,
  clients: [
    { clientId: 'generic-public' },
    { clientId: 'generic-confidential', secret: 'generic-secret' },
  ] satisfies GenericClient[],
  scopes: ['openid', 'profile', 'email', 'offline_access', 'read:reports'],
  accessTokenSeconds: 300,
};

interface RefreshGrant {
  readonly realm: string;
  readonly clientId: string;
  readonly username: string;
  readonly scope: string;
  revoked: boolean;
}

interface AccessGrant {
  readonly realm: string;
  readonly username: string;
  readonly expiresAt: number;
}

/**
 * The generic server's memory: issued tokens, revocations, and an ES256 key for its JWTs. Refresh
 * tokens do not rotate: the same one works until revoked, as many RFC 6749 servers behave.
 */
export class GenericServerState {
  readonly #refresh = new Map<string, RefreshGrant>();
  readonly #access = new Map<string, AccessGrant>();
  readonly #clock: () => number;
  readonly #key: CryptoKey;
  readonly jwk: JWK;

  private constructor(clock: () => number, key: CryptoKey, jwk: JWK) {
    this.#clock = clock;
    this.#key = key;
    this.jwk = jwk;
  }

  static async create(clock: () => number): Promise<GenericServerState> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'generic-1', alg: 'ES256', use: 'sig' };
    return new GenericServerState(clock, privateKey, jwk);
  }

  /** A new sign-in: an access token (JWT), a refresh token and, with `openid`, an ID token. */
  async issue(issuer: string, realm: string, clientId: string, username: string, scope: string) {
    const refreshToken = randomBytes(24).toString('base64url');
    this.#refresh.set(refreshToken, { realm, clientId, username, scope, revoked: false });
    return { ...(await this.#accessTokens(issuer, realm, clientId, username, scope)), refresh_token: refreshToken };
  }

  /** A refresh: new access (and ID) tokens, and no new refresh token. */
  async refresh(issuer: string, realm: string, clientId: string, refreshToken: string) {
    const grant = this.#refresh.get(refreshToken);
    if (grant === undefined || grant.revoked || grant.clientId !== clientId || grant.realm !== realm) return undefined;
    return this.#accessTokens(issuer, realm, clientId, grant.username, grant.scope);
  }

  /** RFC 7009 §2.1: revokes a refresh token of this client; unknown tokens are ignored. */
  revoke(clientId: string, token: string): void {
    const grant = this.#refresh.get(token);
    if (grant !== undefined && grant.clientId === clientId) grant.revoked = true;
  }

  isRevoked(refreshToken: string): boolean {
    return this.#refresh.get(refreshToken)?.revoked ?? false;
  }

  /** Who an access token belongs to, while it is valid. */
  accessGrant(realm: string, accessToken: string): AccessGrant | undefined {
    const grant = this.#access.get(accessToken);
    return grant !== undefined && grant.realm === realm && grant.expiresAt > this.#clock() ? grant : undefined;
  }

  async #accessTokens(issuer: string, realm: string, clientId: string, username: string, scope: string) {
    const now = Math.floor(this.#clock() / 1000);
    const lifetime = genericDefaults.accessTokenSeconds;
    const sign = (claims: Record<string, unknown>, audience: string) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'generic-1', typ: 'JWT' })
        .setIssuer(issuer)
        .setSubject(`${realm}:${username}`)
        .setAudience(audience)
        .setIssuedAt(now)
        .setExpirationTime(now + lifetime)
        .setJti(randomUUID())
        .sign(this.#key);
    const accessToken = await sign({ scope, azp: clientId, preferred_username: username }, 'account');
    this.#access.set(accessToken, { realm, username, expiresAt: (now + lifetime) * 1000 });
    const idToken = scope.split(' ').includes('openid')
      ? await sign({ preferred_username: username, email: `${username}@generic.test` }, clientId)
      : undefined;
    return {
      access_token: accessToken,
      // Lower case on purpose: RFC 6749 §7.1 says clients compare it case-insensitively.
      token_type: 'bearer',
      expires_in: lifetime,
      scope,
      ...(idToken === undefined ? {} : { id_token: idToken }),
    };
  }
}
