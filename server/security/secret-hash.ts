import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * SHA-256 (hex) of a high-entropy secret: client secrets and refresh tokens. A fast hash is right for
 * these because they are random, not chosen by people; it lets a stolen database reveal none of them.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether `secret` hashes to `expectedHash`, compared in constant time. */
export function secretMatches(secret: string, expectedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  // Both are SHA-256 digests, so lengths match unless the stored value is corrupt.
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
