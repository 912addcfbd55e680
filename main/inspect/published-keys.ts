import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { algorithmParams, minimumRsaBits, type AllowedAlgorithm } from './jws-algorithms';

/** One key of an issuer's JWKS, imported once when the set is fetched and reused for every token. */
export interface PublishedKey {
  readonly kid: string | null;
  readonly kty: string;
  /** RFC 7517 §4.2–4.4: what the issuer says the key is for. Null when it does not say. */
  readonly use: string | null;
  readonly keyOps: readonly string[] | null;
  readonly alg: string | null;
  /** The public key, or why it could not be read. */
  readonly key: ImportedKey | string;
}

/**
 * A public key with the facts the checks need. They are read once here: `asymmetricKeyDetails` is computed
 * anew on every access, which showed up in the verify benchmark's profile.
 */
export interface ImportedKey {
  readonly object: KeyObject;
  readonly type: string;
  /** RSA only. */
  readonly modulusBits: number;
  /** EC only: OpenSSL's name for the curve (`prime256v1`…). */
  readonly namedCurve: string | null;
}

/** A key that may check the token, and the exact length its signatures have (RFC 7518 §3.3–3.5). */
export interface FitKey {
  readonly key: KeyObject;
  readonly signatureBytes: number;
}

// RFC 7517 §4: the members this module reads. A key whose members have the wrong type is kept, as unusable,
// so one odd key does not make the issuer's other keys unusable.
const KeyMembers = z.looseObject({
  kty: z.string(),
  kid: z.string().optional(),
  use: z.string().optional(),
  key_ops: z.array(z.string()).optional(),
  alg: z.string().optional(),
});

/** Reads a key from a JWKS. Only RSA and EC keys are imported: the allow-list has no other kind. */
export function importPublishedKey(jwk: Readonly<Record<string, unknown>>): PublishedKey {
  const parsed = KeyMembers.safeParse(jwk);
  if (!parsed.success) {
    const kid = typeof jwk.kid === 'string' ? jwk.kid : null;
    const kty = typeof jwk.kty === 'string' ? jwk.kty : '?';
    return { kid, kty, use: null, keyOps: null, alg: null, key: 'its use, key_ops or alg member is malformed' };
  }
  const { kty, kid, use, key_ops: keyOps, alg } = parsed.data;
  const described = { kid: kid ?? null, kty, use: use ?? null, keyOps: keyOps ?? null, alg: alg ?? null };
  if (kty !== 'RSA' && kty !== 'EC') return { ...described, key: `Gatehouse does not verify with ${kty} keys` };
  try {
    // Node reads only the public members (kty, n, e, crv, x, y); `d`, if a careless issuer published it, is
    // never used because the result is a public key.
    const object = createPublicKey({ key: parsed.data as JsonWebKey, format: 'jwk' });
    const details = object.asymmetricKeyDetails;
    const key: ImportedKey = {
      object,
      type: object.asymmetricKeyType ?? 'unknown',
      modulusBits: details?.modulusLength ?? 0,
      namedCurve: details?.namedCurve ?? null,
    };
    return { ...described, key };
  } catch (error) {
    return {
      ...described,
      key: `it is not a readable ${kty} key (${error instanceof Error ? error.message : 'unknown'})`,
    };
  }
}

/** The keys that may check a token, or why none may. */
export type KeyChoice =
  | { readonly kind: 'found'; readonly keys: readonly FitKey[] }
  /** No key with the token's `kid` (or, without a `kid`, none that fits): the set may have rotated. */
  | { readonly kind: 'absent' }
  /** The token's `kid` is in the set, but that key may not verify this algorithm. */
  | { readonly kind: 'unfit'; readonly reason: string };

/**
 * Picks the keys from the configured set that may verify a token with this header: the same `kid` (when
 * the token names one), a key type and curve that fit `alg`, a `use` of `sig` and `key_ops` with `verify`
 * when stated (RFC 7517 §4.2–4.3), and the same `alg` when the key is pinned to one (RFC 7517 §4.4). That
 * last rule is what refuses PS/RS confusion for an issuer that pins its keys.
 */
export function chooseKeys(keys: readonly PublishedKey[], alg: AllowedAlgorithm, kid: string | null): KeyChoice {
  const named = kid === null ? keys : keys.filter((key) => key.kid === kid);
  if (named.length === 0) return { kind: 'absent' };
  const fit: FitKey[] = [];
  let firstReason: string | null = null;
  for (const candidate of named) {
    const reason = unfitReason(candidate, alg);
    if (typeof reason === 'string') firstReason ??= reason;
    else fit.push(reason);
  }
  if (fit.length > 0) return { kind: 'found', keys: fit };
  return kid === null || firstReason === null ? { kind: 'absent' } : { kind: 'unfit', reason: firstReason };
}

/** The imported key when it fits `alg`, otherwise why not, in words that finish "The key …". */
function unfitReason(candidate: PublishedKey, alg: AllowedAlgorithm): FitKey | string {
  const params = algorithmParams[alg];
  if (candidate.kty !== params.kty) return `is an ${candidate.kty} key, and ${alg} needs an ${params.kty} key`;
  if (candidate.use !== null && candidate.use !== 'sig') {
    return `is published for “${candidate.use}”, not for signatures`;
  }
  if (candidate.keyOps !== null && !candidate.keyOps.includes('verify')) {
    return 'is published without the “verify” operation';
  }
  if (candidate.alg !== null && candidate.alg !== alg) {
    return `is published for ${candidate.alg} only, and the token says ${alg}`;
  }
  const key = candidate.key;
  if (typeof key === 'string') return `cannot be used: ${key}`;
  if (params.family === 'ecdsa') {
    if (key.type !== 'ec' || key.namedCurve !== params.namedCurve) {
      return `is on curve ${key.namedCurve ?? 'unknown'}, and ${alg} needs ${params.crv}`;
    }
    return { key: key.object, signatureBytes: params.signatureBytes };
  }
  if (key.type !== 'rsa' || key.modulusBits < minimumRsaBits) {
    return `is a ${key.modulusBits}-bit RSA key; ${alg} needs at least ${minimumRsaBits} bits (RFC 7518 §3.3)`;
  }
  // RFC 8017 §8.1.2, §8.2.2: the signature is exactly as long as the modulus.
  return { key: key.object, signatureBytes: Math.ceil(key.modulusBits / 8) };
}
