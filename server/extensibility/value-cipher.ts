import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals the values admins store for scripts (rule `configuration`, action secrets, TOTP secrets) so the
 * database file alone does not reveal them. Without a configured key the values are stored as they are,
 * marked so that adding a key later still reads them.
 */
export interface ValueCipher {
  seal(plain: string): string;
  /** Throws when the value was sealed with a key this server does not have. */
  open(stored: string): string;
  /** Whether values are actually encrypted (shown by the admin API and the README). */
  readonly encrypts: boolean;
}

const PLAIN = 'plain.';
const SEALED = 'v1.';

/** Stores values as they are (`plain.` prefix). Reads sealed ones only to report that it cannot. */
export const plaintextCipher: ValueCipher = {
  encrypts: false,
  seal: (plain) => `${PLAIN}${plain}`,
  open: (stored) => {
    if (stored.startsWith(PLAIN)) return stored.slice(PLAIN.length);
    throw new Error('value is sealed but no secrets key is configured');
  },
};

/**
 * AES-256-GCM (NIST SP 800-38D) with a 96-bit random IV per value. The key is derived from the
 * configured secret with HKDF-SHA-256 (RFC 5869), so the same secret can serve other purposes under
 * other `info` labels without key reuse.
 */
export function aesGcmCipher(secret: string): ValueCipher {
  if (secret.length < 16) throw new Error('the secrets key must be at least 16 characters');
  const key = Buffer.from(hkdfSync('sha256', secret, 'gatehouse', 'gatehouse extensibility values v1', 32));
  return {
    encrypts: true,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url'));
      return `${SEALED}${parts.join('.')}`;
    },
    open(stored) {
      if (stored.startsWith(PLAIN)) return stored.slice(PLAIN.length);
      const [iv, tag, body] = stored.slice(SEALED.length).split('.');
      if (!stored.startsWith(SEALED) || iv === undefined || tag === undefined || body === undefined) {
        throw new Error('sealed value is malformed');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/** The cipher for a server: AES-GCM under the configured key-encryption secret, or plain without one. */
export function valueCipherFor(secret: string | undefined): ValueCipher {
  return secret === undefined ? plaintextCipher : aesGcmCipher(secret);
}
