import type { JWTPayload } from 'jose';
import { SignJWT } from 'jose';
import type { TokenResponseWire } from '../../common/oauth/wire';
import type { Clock } from '../config';
import type { IssuerSource } from '../issuer';
import type { SigningKeys } from '../keys/signing-keys';
import { hashSecret } from '../security/secret-hash';
import type { UserinfoClaimsRepository } from '../storage/userinfo-claims-repository';
import type { Client, ResourceServer, User } from '../tenant/model';
import { userSubject } from '../tenant/model';
import { formatScope } from './scope-decision';

/** Auth0's ID-token lifetime (auth0-wire.md §5.5): 10 hours. */
export const ID_TOKEN_LIFETIME_SECONDS = 36_000;
/** Lifetime of a token that only reaches /userinfo (no API to take it from): Auth0's API default. */
export const USERINFO_TOKEN_LIFETIME_SECONDS = 86_400;

/** Everything a token response is made from. */
export interface TokenGrantOutcome {
  readonly user: User;
  readonly client: Client;
  /** The API, or null when the token only reaches /userinfo. */
  readonly api: ResourceServer | null;
  /** Granted scopes, OIDC and API together. */
  readonly scope: readonly string[];
  /** `gty` claim: `password` for both password grants; an array on refresh (see grants/refresh-token.ts). */
  readonly gty: string | readonly string[];
  readonly includeIdToken: boolean;
  /** Plaintext refresh token to hand back, if any. Never log it. */
  readonly refreshToken?: string;
  /**
   * Claims rules and actions added (issue #4), already filtered by extensibility/custom-claims.ts. They are
   * laid down first, so a standard claim always wins over a custom one of the same name.
   */
  readonly customClaims?: {
    readonly accessToken?: Readonly<Record<string, unknown>>;
    readonly idToken?: Readonly<Record<string, unknown>>;
  };
  /** ID-token `amr` (e.g. `["mfa"]` after a second factor, as Auth0 adds it). */
  readonly amr?: readonly string[];
}

/** What a client_credentials response is made from. */
export interface ClientCredentialsOutcome {
  readonly client: Client;
  readonly api: ResourceServer;
  readonly scope: readonly string[];
}

/**
 * Signs access and ID tokens with the current RS256 key and builds the RFC 6749 §5.1 response. When a
 * rule or action added claims to an ID token, they are remembered for the access token issued beside it,
 * since `/userinfo` answers with them too (auth0-wire.md §5.3).
 */
export class TokenMinter {
  constructor(
    private readonly keys: SigningKeys,
    private readonly issuer: IssuerSource,
    private readonly clock: Clock,
    private readonly userinfoClaims?: Pick<UserinfoClaimsRepository, 'remember'>,
  ) {}

  /** The whole `/oauth/token` success body. */
  async respond(outcome: TokenGrantOutcome): Promise<TokenResponseWire> {
    const issuedAt = Math.floor(this.clock() / 1000);
    const lifetime = outcome.api?.tokenLifetime ?? USERINFO_TOKEN_LIFETIME_SECONDS;
    // Both signatures run on libuv's thread pool (WebCrypto), so they can proceed side by side.
    const [accessToken, idToken] = await Promise.all([
      this.accessToken(outcome, issuedAt, lifetime),
      outcome.includeIdToken ? this.idToken(outcome, issuedAt) : undefined,
    ]);
    if (idToken !== undefined) this.rememberForUserinfo(outcome, accessToken, issuedAt + lifetime);
    return {
      access_token: accessToken,
      ...(idToken !== undefined && { id_token: idToken }),
      ...(outcome.refreshToken !== undefined && { refresh_token: outcome.refreshToken }),
      scope: formatScope(outcome.scope),
      expires_in: lifetime,
      token_type: 'Bearer',
    };
  }

  /**
   * The `client_credentials` response (RFC 6749 §4.4.3): an access token whose subject is the client
   * (`<client_id>@clients`, `gty: "client-credentials"`, as Auth0 issues them), and nothing else.
   */
  async respondForClient(outcome: ClientCredentialsOutcome): Promise<TokenResponseWire> {
    const issuedAt = Math.floor(this.clock() / 1000);
    const lifetime = outcome.api.tokenLifetime;
    const accessToken = await this.sign({
      iss: this.issuer.get(),
      sub: `${outcome.client.clientId}@clients`,
      aud: outcome.api.identifier,
      iat: issuedAt,
      exp: issuedAt + lifetime,
      scope: formatScope(outcome.scope),
      azp: outcome.client.clientId,
      gty: 'client-credentials',
    });
    return { access_token: accessToken, scope: formatScope(outcome.scope), expires_in: lifetime, token_type: 'Bearer' };
  }

  /**
   * Auth0-profile access token (auth0-wire.md §5.5): `aud` is the API, plus `<issuer>userinfo` as an
   * array when `openid` is granted (the API is RS256); a token without an API is for /userinfo alone.
   */
  private accessToken(outcome: TokenGrantOutcome, issuedAt: number, lifetime: number): Promise<string> {
    const issuer = this.issuer.get();
    const userinfo = `${issuer}userinfo`;
    const hasOpenid = outcome.scope.includes('openid');
    const audience =
      outcome.api === null ? userinfo : hasOpenid ? [outcome.api.identifier, userinfo] : outcome.api.identifier;
    return this.sign({
      ...outcome.customClaims?.accessToken,
      iss: issuer,
      sub: userSubject(outcome.user),
      aud: audience,
      iat: issuedAt,
      exp: issuedAt + lifetime,
      scope: formatScope(outcome.scope),
      azp: outcome.client.clientId,
      gty: outcome.gty as string | string[],
    });
  }

  /** ID token (OIDC Core §2, Auth0 profile): profile and email claims follow the granted scopes. */
  private idToken(outcome: TokenGrantOutcome, issuedAt: number): Promise<string> {
    const { user, scope } = outcome;
    const claims: JWTPayload = {
      ...outcome.customClaims?.idToken,
      iss: this.issuer.get(),
      sub: userSubject(user),
      aud: outcome.client.clientId,
      iat: issuedAt,
      exp: issuedAt + ID_TOKEN_LIFETIME_SECONDS,
      ...(outcome.amr !== undefined && { amr: [...outcome.amr] }),
    };
    if (scope.includes('profile')) {
      if (user.name !== null) claims['name'] = user.name;
      if (user.nickname !== null) claims['nickname'] = user.nickname;
      if (user.picture !== null) claims['picture'] = user.picture;
      // Auth0 sends updated_at as an ISO 8601 string, not OIDC's number of seconds.
      claims['updated_at'] = new Date(user.updatedAt).toISOString();
    }
    if (scope.includes('email') && user.email !== null) {
      claims['email'] = user.email;
      claims['email_verified'] = user.emailVerified;
    }
    return this.sign(claims);
  }

  /**
   * The ID token's custom claims, for `/userinfo` with this access token. Only a token with `openid` names
   * `/userinfo` in its `aud`, and only such a token comes with an ID token.
   */
  private rememberForUserinfo(outcome: TokenGrantOutcome, accessToken: string, expiresAtSeconds: number): void {
    const claims = outcome.customClaims?.idToken;
    if (!this.userinfoClaims || !claims || Object.keys(claims).length === 0) return;
    // Never store accessToken itself: it is a credential. Its SHA-256 finds the row again.
    this.userinfoClaims.remember({
      tokenHash: hashSecret(accessToken),
      userId: outcome.user.id,
      claims,
      expiresAt: expiresAtSeconds * 1000,
    });
  }

  private sign(claims: JWTPayload): Promise<string> {
    const key = this.keys.current();
    return new SignJWT(claims).setProtectedHeader({ alg: key.alg, typ: 'JWT', kid: key.kid }).sign(key.privateKey);
  }
}
