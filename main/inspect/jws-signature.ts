import { constants, verify, type KeyObject } from 'node:crypto';
import { algorithmParams, type AllowedAlgorithm } from './jws-algorithms';

/**
 * Checks a JWS signature over `signingInput` (RFC 7515 §5.2 step 8) with Node's synchronous `crypto.verify`.
 * The caller has already matched the key to the algorithm and the signature's length (published-keys.ts).
 *
 * Why not jose's `compactVerify`: WebCrypto hands every check to a worker thread and back, which halved the
 * inspector's verify rate per core (issue #6's benchmark). And why the key is passed bare where it can be:
 * Node 24 tells a `{ key, … }` options object from a KeyObject by catching two exceptions on every call,
 * which costs about as much as the RSA check itself. RS* need no options (PKCS #1 v1.5 is Node's default for
 * an RSA key); ES* are converted to DER, Node's default encoding; only PS* must pass padding and salt.
 */
export function verifySignature(
  alg: AllowedAlgorithm,
  key: KeyObject,
  signingInput: Uint8Array,
  signature: Uint8Array,
): boolean {
  const params = algorithmParams[alg];
  switch (params.family) {
    case 'rsa-pkcs1':
      return verify(params.hash, signingInput, key, signature);
    case 'rsa-pss':
      // RFC 7518 §3.5: the salt is exactly as long as the hash; Node's default would accept any length.
      return verify(
        params.hash,
        signingInput,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength },
        signature,
      );
    case 'ecdsa':
      return verify(params.hash, signingInput, key, ecdsaSignatureToDer(signature));
  }
}

/**
 * JWS carries an ECDSA signature as R‖S, each padded to the curve's size (RFC 7518 §3.4); OpenSSL reads
 * the DER `SEQUENCE { r INTEGER, s INTEGER }` of SEC 1 §C.5. Even-length input only: the caller has checked
 * the exact length for the curve. The largest curve (P-521, 66-byte halves) keeps every length under 256.
 */
export function ecdsaSignatureToDer(signature: Uint8Array): Buffer {
  const half = signature.length / 2;
  const r = derInteger(signature.subarray(0, half));
  const s = derInteger(signature.subarray(half));
  const bodyLength = r.length + s.length;
  // X.690 §8.1.3: short-form length below 128, else one length byte after 0x81.
  const header = bodyLength < 0x80 ? [0x30, bodyLength] : [0x30, 0x81, bodyLength];
  return Buffer.concat([Buffer.from(header), r, s]);
}

/** A non-negative INTEGER (X.690 §8.3): minimal big-endian bytes, with a 0x00 first when the top bit is set. */
function derInteger(unsigned: Uint8Array): Buffer {
  let start = 0;
  while (start < unsigned.length - 1 && unsigned[start] === 0) start += 1;
  const digits = unsigned.subarray(start);
  const needsZero = ((digits[0] ?? 0) & 0x80) !== 0;
  const length = digits.length + (needsZero ? 1 : 0);
  return Buffer.concat([Buffer.from(needsZero ? [0x02, length, 0x00] : [0x02, length]), digits]);
}
