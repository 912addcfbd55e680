import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ecdsaSignatureToDer } from '../../../../main/inspect/jws-signature';

// JWS carries ECDSA signatures as R‖S; OpenSSL verifies DER. A wrong conversion would refuse good tokens,
// and only some signatures exercise the edge cases (a half with leading zero bytes, or its top bit set).
describe('ecdsaSignatureToDer', () => {
  it.each([
    ['P-256', 'sha256'],
    ['P-384', 'sha384'],
    ['P-521', 'sha512'],
  ] as const)('turns every %s R‖S signature into DER that OpenSSL accepts', (namedCurve, hash) => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
    const seen = { leadingZero: false, topBitSet: false };
    // P-521's halves are 66 bytes for a 521-bit number: their top byte is 0 or 1, never 0x80 or more.
    const topBitPossible = namedCurve !== 'P-521';
    const coveredEnough = (i: number) => i >= 50 && seen.leadingZero && (seen.topBitSet || !topBitPossible);
    // A half starts with a zero byte about once in 128 signatures; 3000 tries make a miss vanishingly rare.
    for (let i = 0; i < 3000 && !coveredEnough(i); i += 1) {
      const data = Buffer.from(`message ${i}`);
      const raw = sign(hash, data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      const halves = [raw.subarray(0, raw.length / 2), raw.subarray(raw.length / 2)];
      if (halves.some((half) => half[0] === 0)) seen.leadingZero = true;
      if (halves.some((half) => ((half[0] ?? 0) & 0x80) !== 0)) seen.topBitSet = true;
      expect(verify(hash, data, publicKey, ecdsaSignatureToDer(raw))).toBe(true);
      // The DER of a different message's signature must not verify: the conversion keeps R and S apart.
      expect(verify(hash, Buffer.from('another message'), publicKey, ecdsaSignatureToDer(raw))).toBe(false);
    }
    expect(seen.leadingZero).toBe(true);
    expect(seen.topBitSet).toBe(topBitPossible);
  });

  it('encodes zero halves as one zero byte, which OpenSSL then refuses as a signature', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const der = ecdsaSignatureToDer(Buffer.alloc(64));
    expect(der.toString('hex')).toBe('3006020100020100');
    expect(verify('sha256', Buffer.from('x'), publicKey, der)).toBe(false);
  });
});
