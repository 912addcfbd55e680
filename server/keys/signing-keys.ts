import type { CryptoKey, JWK } from 'jose';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK } from 'jose';
import type { Clock } from '../config';
import type { SigningKeyRepository, StoredSigningKey } from '../storage/signing-key-repository';
import { isSealed, openPrivateKey, sealPrivateKey } from './key-encryption';

/** A published key, as in Auth0's JWKS (auth0-wire.md §5.4). */
export interface PublicJwk {
  readonly kty: 'RSA';
  readonly n: string;
  readonly e: string;
  readonly alg: 'RS256';
  readonly use: 'sig';
  readonly kid: string;
}

/** The key tokens are signed with now. */
export interface ActiveSigningKey {
  readonly kid: string;
  readonly alg: 'RS256';
  /** A credential: never log it. */
  readonly privateKey: CryptoKey;
}

/** A key as an admin may see it (never the private half). */
export interface SigningKeySummary {
  readonly kid: string;
  readonly current: boolean;
  readonly createdAt: number;
  readonly retiredAt: number | null;
  /** When the key leaves the JWKS (ms), or null while it is current. */
  readonly publishedUntil: number | null;
}

export interface SigningKeyOptions {
  /** When set, private keys are stored sealed with it (keys/key-encryption.ts), and old plain ones sealed. */
  readonly encryptionSecret?: string;
}

/**
 * How long a retired key stays in the JWKS: at least as long as any token it signed can live. Access
 * tokens live at most 30 days (an API's `token_lifetime` maximum, auth0-wire.md §7.5), ID tokens 10 hours.
 */
export const RETIRED_KEY_GRACE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * RS256 signing keys. The first start generates a key pair and stores it; later starts load it. The
 * imported private key is cached, because importing on every token would cost more than signing.
 *
 * `rotate()` makes a new key current at once and retires the old one, which stays published (and keeps
 * verifying) until every token it signed has expired, so rotation never logs anybody out.
 */
export class SigningKeys {
  private jwksCache: { readonly body: { keys: PublicJwk[] }; readonly validUntil: number } | undefined;
  private readonly verificationKeys = new Map<string, Promise<CryptoKey | undefined>>();

  private constructor(
    private readonly repository: SigningKeyRepository,
    private readonly clock: Clock,
    private readonly options: SigningKeyOptions,
    private active: ActiveSigningKey,
  ) {}

  /** Loads the newest active key, generating and storing one if there is none. */
  static async load(
    repository: SigningKeyRepository,
    clock: Clock,
    options: SigningKeyOptions = {},
  ): Promise<SigningKeys> {
    const secret = options.encryptionSecret;
    const publishable = repository.listPublishable(clock() - RETIRED_KEY_GRACE_MS);
    if (secret === undefined && publishable.some((key) => isSealed(key.privateJwk))) {
      throw new Error('the signing keys are encrypted: configure the key-encryption secret to start');
    }
    if (secret !== undefined) {
      // A secret configured for the first time seals the keys that were stored in the clear.
      for (const key of publishable) {
        if (!isSealed(key.privateJwk))
          repository.replacePrivateJwk(key.kid, sealPrivateKey(key.privateJwk, secret, key.kid));
      }
    }
    const stored = repository.listActive()[0] ?? (await SigningKeys.generate(repository, clock, options));
    return new SigningKeys(repository, clock, options, await SigningKeys.importActive(stored, options));
  }

  private static async generate(
    repository: SigningKeyRepository,
    clock: Clock,
    options: SigningKeyOptions,
  ): Promise<StoredSigningKey> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    const publicJwk = await exportJWK(publicKey);
    // RFC 7638 thumbprint: stable, unique per key, and reveals nothing.
    const kid = await calculateJwkThumbprint(publicJwk);
    const privateJwk = JSON.stringify(await exportJWK(privateKey));
    const key: StoredSigningKey = {
      kid,
      alg: 'RS256',
      privateJwk:
        options.encryptionSecret === undefined ? privateJwk : sealPrivateKey(privateJwk, options.encryptionSecret, kid),
      publicJwk: JSON.stringify({ kty: publicJwk.kty, n: publicJwk.n, e: publicJwk.e }),
      createdAt: clock(),
      retiredAt: null,
    };
    repository.insert(key);
    return key;
  }

  private static async importActive(stored: StoredSigningKey, options: SigningKeyOptions): Promise<ActiveSigningKey> {
    const text =
      options.encryptionSecret !== undefined && isSealed(stored.privateJwk)
        ? openPrivateKey(stored.privateJwk, options.encryptionSecret, stored.kid)
        : stored.privateJwk;
    const privateKey = await importJWK(JSON.parse(text) as JWK, 'RS256');
    if (privateKey instanceof Uint8Array) throw new Error('signing key is not an RSA key');
    return { kid: stored.kid, alg: 'RS256', privateKey };
  }

  /** The key to sign with. */
  current(): ActiveSigningKey {
    return this.active;
  }

  /**
   * Makes a new key current and retires the old one (design/security.md "Keys"). Tokens signed before
   * keep verifying: the old public key stays in the JWKS for `RETIRED_KEY_GRACE_MS`.
   */
  async rotate(): Promise<{ readonly kid: string; readonly retiredKid: string }> {
    const retiredKid = this.active.kid;
    const stored = await SigningKeys.generate(this.repository, this.clock, this.options);
    const next = await SigningKeys.importActive(stored, this.options);
    this.repository.retire(retiredKid, this.clock());
    this.active = next;
    this.jwksCache = undefined;
    return { kid: next.kid, retiredKid };
  }

  /**
   * The JWKS document: every active key and any retired one whose tokens may still be alive. Cached
   * until a key rotates or a retired key's grace ends, because clients fetch it often.
   */
  jwks(): { keys: PublicJwk[] } {
    const now = this.clock();
    if (this.jwksCache && now < this.jwksCache.validUntil) return this.jwksCache.body;
    const stored = this.repository.listPublishable(now - RETIRED_KEY_GRACE_MS);
    const keys = stored.map((key) => {
      const jwk = JSON.parse(key.publicJwk) as { n: string; e: string };
      return { kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RS256', use: 'sig', kid: key.kid } as const;
    });
    const ends = stored.flatMap((key) => (key.retiredAt === null ? [] : [key.retiredAt + RETIRED_KEY_GRACE_MS]));
    this.jwksCache = { body: { keys }, validUntil: Math.min(now + 60_000, ...ends) };
    return this.jwksCache.body;
  }

  /** The public key for `kid` while it is published, for verifying our own tokens (/userinfo). */
  verificationKey(kid: string): Promise<CryptoKey | undefined> {
    const jwk = this.jwks().keys.find((key) => key.kid === kid);
    if (!jwk) return Promise.resolve(undefined);
    let imported = this.verificationKeys.get(kid);
    if (!imported) {
      imported = importJWK({ ...jwk }, 'RS256').then((key) => (key instanceof Uint8Array ? undefined : key));
      this.verificationKeys.set(kid, imported);
    }
    return imported;
  }

  /** Every key that is current or still published, newest first (for an admin listing). */
  summaries(): SigningKeySummary[] {
    return this.repository.listPublishable(this.clock() - RETIRED_KEY_GRACE_MS).map((key) => ({
      kid: key.kid,
      current: key.kid === this.active.kid,
      createdAt: key.createdAt,
      retiredAt: key.retiredAt,
      publishedUntil: key.retiredAt === null ? null : key.retiredAt + RETIRED_KEY_GRACE_MS,
    }));
  }
}
