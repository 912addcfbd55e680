import type { JSONWebKeySet } from 'jose';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { Clock } from '../config';
import type { IssuerSource } from '../issuer';
import { managementApiIdentifier } from '../tenant/management-api';
import { mgmtErrors } from './errors';

/** Who is calling the Management API, from a verified access token. */
export interface ManagementActor {
  /** `client` for client_credentials tokens (`sub` = `<client_id>@clients`), `user` for RBAC logins. */
  readonly kind: 'client' | 'user';
  /** The token's `sub`. */
  readonly subject: string;
  /** The application that obtained the token (`azp`, or RFC 9068's `client_id`). */
  readonly clientId: string | null;
  /** The scopes (Management API permissions) the token carries. */
  readonly scopes: ReadonlySet<string>;
}

/** Where the verifier reads the public keys: the server's own JWKS (server/keys). */
export interface PublicKeySource {
  jwks(): { readonly keys: readonly object[] };
}

/** Tokens longer than this are refused before any parsing: no real access token comes close. */
const MAX_TOKEN_LENGTH = 16 * 1024;
/** How many verified tokens are remembered. */
const MAX_VERIFIED_TOKENS = 1000;

/**
 * Verifies `Authorization: Bearer <jwt>` for `/api/v2` (auth0-wire.md §7): RS256, signed by one of this
 * server's own keys, `iss` = the issuer, `aud` containing `<issuer>api/v2/` (a user's token also lists
 * `<issuer>userinfo`), and unexpired by the injected clock. Any failure is one `401 Invalid token`, so
 * callers learn nothing about which check failed.
 */
export class ManagementTokenVerifier {
  private cached: { text: string; keySet: ReturnType<typeof createLocalJWKSet> } | undefined;
  /**
   * Tokens already verified against the current key set, with their expiry (ms). An admin tool sends the
   * same token with every call; checking its signature once is enough while the keys stay the same.
   */
  private readonly verified = new Map<string, { actor: ManagementActor; expiresAt: number }>();

  constructor(
    private readonly keys: PublicKeySource,
    private readonly issuer: IssuerSource,
    private readonly clock: Clock,
  ) {}

  async verify(authorization: string | undefined): Promise<ManagementActor> {
    const match = /^bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
    const token = match?.[1];
    if (token === undefined) throw mgmtErrors.missingToken();
    if (token.length > MAX_TOKEN_LENGTH) throw mgmtErrors.invalidToken();
    const keySet = this.keySet();
    const known = this.verified.get(token);
    if (known !== undefined) {
      if (this.clock() < known.expiresAt) return known.actor;
      this.verified.delete(token);
    }
    const issuer = this.issuer.get();
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keySet, {
        issuer,
        audience: managementApiIdentifier(issuer),
        algorithms: ['RS256'],
        currentDate: new Date(this.clock()),
        requiredClaims: ['sub', 'exp'],
      }));
    } catch {
      throw mgmtErrors.invalidToken();
    }
    const subject = payload.sub ?? '';
    const clientId = [payload['azp'], payload['client_id']].find((value) => typeof value === 'string') ?? null;
    const scope = typeof payload['scope'] === 'string' ? payload['scope'] : '';
    const isClient = payload['gty'] === 'client-credentials' || subject.endsWith('@clients');
    const actor: ManagementActor = {
      kind: isClient ? 'client' : 'user',
      subject,
      clientId: clientId as string | null,
      scopes: new Set(scope.split(' ').filter((item) => item !== '')),
    };
    this.remember(token, actor, (payload.exp ?? 0) * 1000);
    return actor;
  }

  private remember(token: string, actor: ManagementActor, expiresAt: number): void {
    // Oldest first (Map keeps insertion order), so the cache stays small under many distinct tokens.
    if (this.verified.size >= MAX_VERIFIED_TOKENS) {
      const oldest = this.verified.keys().next();
      if (oldest.done !== true) this.verified.delete(oldest.value);
    }
    this.verified.set(token, { actor, expiresAt });
  }

  /** The local JWKS, rebuilt only when the published keys change (rotation adds or retires one). */
  private keySet(): ReturnType<typeof createLocalJWKSet> {
    const jwks = this.keys.jwks();
    const text = JSON.stringify(jwks);
    if (this.cached?.text !== text) {
      // New or retired keys: tokens must be checked again against the keys as they are now.
      this.verified.clear();
      this.cached = { text, keySet: createLocalJWKSet(jwks as unknown as JSONWebKeySet) };
    }
    return this.cached.keySet;
  }
}

/** The user id (the part after `auth0|`) of a user actor, for linking log entries to the user. */
export function actorUserId(actor: ManagementActor): string | null {
  return actor.kind === 'user' && actor.subject.startsWith('auth0|') ? actor.subject.slice('auth0|'.length) : null;
}
