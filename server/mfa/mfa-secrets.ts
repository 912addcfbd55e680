import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import { hashSecret } from '../security/secret-hash';

/**
 * The random values of MFA and how they are kept: only SHA-256 hashes of tokens and codes are stored
 * (the same rule as refresh tokens, design/security.md), so the database alone cannot complete an MFA.
 */

/** 256 random bits, base64url: opaque to clients as Auth0's `Fe26…` tokens are (§4.1). */
export function newMfaToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored for a token or a code. */
export const hashOf = (value: string): string => hashSecret(value);

/** An `oob_code`: 192 random bits. */
export function newOobCode(): string {
  return `Fe26.${randomBytes(24).toString('base64url')}`;
}

/** A six-digit binding code sent to the outbox (what the user types back). */
export function newBindingCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A 24-character recovery code (120 bits), as long as Auth0's, without look-alike characters. */
export function newRecoveryCode(): string {
  let code = '';
  for (const byte of randomBytes(24)) code += RECOVERY_ALPHABET[byte % 32];
  return code;
}

/** Recovery codes are compared without spaces, dashes or case, as people copy them loosely. */
export function normalizeRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

function keyFor(mfaToken: string): Buffer {
  return Buffer.from(hkdfSync('sha256', mfaToken, 'gatehouse-mfa', 'pending refresh token v1', 32));
}

/**
 * Seals a refresh token inside a pending login under a key derived from the mfa_token (AES-256-GCM,
 * HKDF-SHA-256). Only the hash of the mfa_token is stored, so only its holder can open it again.
 */
export function sealWithMfaToken(mfaToken: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(mfaToken), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
}

/** Opens what `sealWithMfaToken` sealed; throws when the token is not the one it was sealed with. */
export function openWithMfaToken(mfaToken: string, sealed: string): string {
  const [iv, tag, body] = sealed.split('.');
  if (iv === undefined || tag === undefined || body === undefined) throw new Error('sealed value is malformed');
  const decipher = createDecipheriv('aes-256-gcm', keyFor(mfaToken), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
