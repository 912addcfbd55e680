import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

/**
 * Encryption at rest for private signing keys (design/security.md "Keys"): AES-256-GCM (NIST SP 800-38D)
 * under a key derived from the configured key-encryption secret with scrypt (RFC 7914), a fresh salt and
 * IV per key, and the key id as additional authenticated data, so a sealed key cannot be moved to
 * another row unnoticed.
 */

/** The stored envelope, as JSON text in `signing_keys.private_jwk`. */
interface SealedKey {
  readonly enc: 'A256GCM';
  readonly kdf: 'scrypt-N32768-r8-p1';
  readonly salt: string;
  readonly iv: string;
  readonly tag: string;
  readonly ct: string;
}

// scrypt cost: about 32 MiB and tens of milliseconds, paid once per key at start-up.
const SCRYPT = { N: 32_768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

/** Secrets shorter than this are refused: the secret is the only thing protecting the keys. */
export const MIN_KEY_ENCRYPTION_SECRET_LENGTH = 16;

function deriveKey(secret: string, salt: Buffer): Buffer {
  return scryptSync(secret, salt, 32, SCRYPT);
}

/** Whether a stored private key is sealed (as opposed to plain JWK JSON from before a secret was set). */
export function isSealed(stored: string): boolean {
  try {
    return (JSON.parse(stored) as { enc?: unknown }).enc === 'A256GCM';
  } catch {
    return false;
  }
}

/** Seals a private JWK's JSON text for the key `kid`. */
export function sealPrivateKey(privateJwk: string, secret: string, kid: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(secret, salt), iv);
  cipher.setAAD(Buffer.from(kid, 'utf8'));
  const ct = Buffer.concat([cipher.update(privateJwk, 'utf8'), cipher.final()]);
  const sealed: SealedKey = {
    enc: 'A256GCM',
    kdf: 'scrypt-N32768-r8-p1',
    salt: salt.toString('base64url'),
    iv: iv.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
    ct: ct.toString('base64url'),
  };
  return JSON.stringify(sealed);
}

/**
 * Opens a sealed key. Throws a plain message (never the secret or the key) when the secret is wrong or
 * the envelope was tampered with.
 */
export function openPrivateKey(stored: string, secret: string, kid: string): string {
  const sealed = JSON.parse(stored) as Partial<SealedKey>;
  if (sealed.enc !== 'A256GCM' || !sealed.salt || !sealed.iv || !sealed.tag || !sealed.ct) {
    throw new Error(`signing key ${kid} is not a sealed key`);
  }
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      deriveKey(secret, Buffer.from(sealed.salt, 'base64url')),
      Buffer.from(sealed.iv, 'base64url'),
    );
    decipher.setAAD(Buffer.from(kid, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch (cause) {
    throw new Error(`cannot decrypt signing key ${kid}: wrong key-encryption secret, or the key was altered`, {
      cause,
    });
  }
}
