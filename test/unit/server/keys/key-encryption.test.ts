import { describe, expect, it } from 'vitest';
import { isSealed, openPrivateKey, sealPrivateKey } from '../../../../server/keys/key-encryption';

const jwk = JSON.stringify({ kty: 'RSA', n: 'abc', e: 'AQAB', d: 'secret-exponent' });
const secret = 'a key-encryption secret';

describe('private key encryption at rest', () => {
  it('seals a private JWK so that none of it is readable, and opens it with the same secret and kid', () => {
    const sealed = sealPrivateKey(jwk, secret, 'kid-1');
    expect(isSealed(sealed)).toBe(true);
    expect(isSealed(jwk)).toBe(false);
    expect(sealed).not.toContain('secret-exponent');
    expect(sealed).not.toContain('"d"');
    expect(openPrivateKey(sealed, secret, 'kid-1')).toBe(jwk);
  });

  it('uses a fresh salt and IV each time', () => {
    expect(sealPrivateKey(jwk, secret, 'kid-1')).not.toBe(sealPrivateKey(jwk, secret, 'kid-1'));
  });

  it('refuses a wrong secret, another kid (the key moved to another row), and a tampered envelope', () => {
    const sealed = sealPrivateKey(jwk, secret, 'kid-1');
    expect(() => openPrivateKey(sealed, 'another secret value', 'kid-1')).toThrow(/wrong key-encryption secret/);
    expect(() => openPrivateKey(sealed, secret, 'kid-2')).toThrow(/cannot decrypt signing key kid-2/);
    const envelope = JSON.parse(sealed) as Record<string, string>;
    const flipped = Buffer.from(envelope['ct'] ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    const tampered = JSON.stringify({ ...envelope, ct: flipped.toString('base64url') });
    expect(() => openPrivateKey(tampered, secret, 'kid-1')).toThrow(/cannot decrypt/);
    expect(() => openPrivateKey(sealed, 'another secret value', 'kid-1')).not.toThrow(/another secret/);
  });
});
