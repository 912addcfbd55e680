/**
 * Asymmetric algorithms only (RFC 7518 §3.1): the issuer signs with a private key and everyone checks with
 * the public one. `none` proves nothing, and an HMAC algorithm "checked" with a public key lets anyone who
 * has that public key forge tokens (the RS/HS confusion attack, RFC 8725 §2.1 and §3.1).
 */
export const allowedAlgorithms = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
] as const;
export type AllowedAlgorithm = (typeof allowedAlgorithms)[number];

export function isAllowedAlgorithm(alg: unknown): alg is AllowedAlgorithm {
  return typeof alg === 'string' && (allowedAlgorithms as readonly string[]).includes(alg);
}

type Hash = 'sha256' | 'sha384' | 'sha512';

/** How each allowed algorithm signs, and the key it needs (RFC 7518 §3.3–3.5). */
export type AlgorithmParams =
  | { readonly family: 'rsa-pkcs1'; readonly kty: 'RSA'; readonly hash: Hash }
  | { readonly family: 'rsa-pss'; readonly kty: 'RSA'; readonly hash: Hash; readonly saltLength: number }
  | {
      readonly family: 'ecdsa';
      readonly kty: 'EC';
      readonly hash: Hash;
      /** The JWK `crv` (RFC 7518 §6.2.1.1) and the name Node's OpenSSL reports for the same curve. */
      readonly crv: string;
      readonly namedCurve: string;
      /** R and S, each padded to the curve's size (RFC 7518 §3.4): 2 × 32, 2 × 48, 2 × 66 bytes. */
      readonly signatureBytes: number;
    };

// RFC 7518 §3.5: PS* use MGF1 with the same hash, and a salt as long as the hash output.
export const algorithmParams: Readonly<Record<AllowedAlgorithm, AlgorithmParams>> = {
  RS256: { family: 'rsa-pkcs1', kty: 'RSA', hash: 'sha256' },
  RS384: { family: 'rsa-pkcs1', kty: 'RSA', hash: 'sha384' },
  RS512: { family: 'rsa-pkcs1', kty: 'RSA', hash: 'sha512' },
  PS256: { family: 'rsa-pss', kty: 'RSA', hash: 'sha256', saltLength: 32 },
  PS384: { family: 'rsa-pss', kty: 'RSA', hash: 'sha384', saltLength: 48 },
  PS512: { family: 'rsa-pss', kty: 'RSA', hash: 'sha512', saltLength: 64 },
  ES256: { family: 'ecdsa', kty: 'EC', hash: 'sha256', crv: 'P-256', namedCurve: 'prime256v1', signatureBytes: 64 },
  ES384: { family: 'ecdsa', kty: 'EC', hash: 'sha384', crv: 'P-384', namedCurve: 'secp384r1', signatureBytes: 96 },
  ES512: { family: 'ecdsa', kty: 'EC', hash: 'sha512', crv: 'P-521', namedCurve: 'secp521r1', signatureBytes: 132 },
};

/** RFC 7518 §3.3 and §3.5: RSA keys of 2048 bits or more. */
export const minimumRsaBits = 2048;
