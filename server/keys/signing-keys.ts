import type { CryptoKey, JWK } from 'jose';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK } from 'jose';
import type { Clock } from '../config';
import type { SigningKeyRepository, StoredSigningKey } from '../storage/signing-key-repository';

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

/** How long a retired key stays in the JWKS: longer than any token it signed can live (30 days). */
const RETIRED_KEY_GRACE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * RS256 signing keys. The first start generates a key pair and stores it; later starts load it. The
 * imported private key is cached, because importing on every token would cost more than signing.
 */
export class SigningKeys {
  private constructor(
    private readonly repository: SigningKeyRepository,
    private readonly clock: Clock,
    private readonly active: ActiveSigningKey,
  ) {}

  /** Loads the newest active key, generating and storing one if there is none. */
  static async load(repository: SigningKeyRepository, clock: Clock): Promise<SigningKeys> {
    const stored = repository.listActive()[0] ?? (await SigningKeys.generate(repository, clock));
    return new SigningKeys(repository, clock, await SigningKeys.importActive(stored));
  }

  private static async generate(repository: SigningKeyRepository, clock: Clock): Promise<StoredSigningKey> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const key: StoredSigningKey = {
      // RFC 7638 thumbprint: stable, unique per key, and reveals nothing.
      kid: await calculateJwkThumbprint(publicJwk),
      alg: 'RS256',
      privateJwk: JSON.stringify(await exportJWK(privateKey)),
      publicJwk: JSON.stringify({ kty: publicJwk.kty, n: publicJwk.n, e: publicJwk.e }),
      createdAt: clock(),
      retiredAt: null,
    };
    repository.insert(key);
    return key;
  }

  private static async importActive(stored: StoredSigningKey): Promise<ActiveSigningKey> {
    const privateKey = await importJWK(JSON.parse(stored.privateJwk) as JWK, 'RS256');
    if (privateKey instanceof Uint8Array) throw new Error('signing key is not an RSA key');
    return { kid: stored.kid, alg: 'RS256', privateKey };
  }

  /** The key to sign with. */
  current(): ActiveSigningKey {
    return this.active;
  }

  /** The JWKS document: every active key and any retired one whose tokens may still be alive. */
  jwks(): { keys: PublicJwk[] } {
    const keys = this.repository.listPublishable(this.clock() - RETIRED_KEY_GRACE_MS).map((stored) => {
      const jwk = JSON.parse(stored.publicJwk) as { n: string; e: string };
      return { kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RS256', use: 'sig', kid: stored.kid } as const;
    });
    return { keys };
  }
}
