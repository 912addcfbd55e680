import type { AxiosInstance } from 'axios';
import { compactVerify, errors, type CryptoKey } from 'jose';
import type { Check, VerifiedKey } from '../../common/ipc/inspect.contract';
import type { Claims } from '../../common/ipc/session.schema';
import { allowedAlgorithms } from './header-checks';
import type { CachedKeySet, KeySetCache } from './key-set-cache';

export interface SignatureOutcome {
  readonly checks: readonly [Check, Check];
  readonly key: VerifiedKey | null;
}

type Attempt =
  { readonly kind: 'verified' } | { readonly kind: 'no-key' } | { readonly kind: 'failed'; readonly message: string };

const keyTitle = 'Signing key';
const signatureTitle = 'Signature';

/**
 * Checks the signature with a key from the configured issuer's JWKS only: jose's local JWKS picks it by
 * `kid` and `alg`, and `jku`, `x5u`, `jwk` and `x5c` are never consulted. When the token names a key the
 * cached set lacks, the set is fetched once more (the issuer may have rotated its keys, RFC 7517 §5) and
 * the result is reported either way. One inspection never re-fetches twice, and a set fetched by this very
 * call is not fetched again, so a forged `kid` costs the issuer at most one request per inspection.
 */
export async function checkSignature(
  token: string,
  header: Claims,
  keySetUrl: string,
  http: AxiosInstance,
  cache: KeySetCache,
): Promise<SignatureOutcome> {
  const kid = typeof header.kid === 'string' ? header.kid : null;
  const alg = typeof header.alg === 'string' ? header.alg : '';
  const got = await cache.get(keySetUrl, http);
  if (!got.ok) return unreachable(got.error.message);
  let refetched = false;
  const refetch = async (): Promise<CachedKeySet | string> => {
    refetched = true;
    const again = await cache.get(keySetUrl, http, true);
    return again.ok ? again.value.set : again.error.message;
  };

  let set = got.value.set;
  if (kid !== null && !set.kids.has(kid) && !got.value.fetched) {
    const fresh = await refetch();
    if (typeof fresh === 'string') return unreachable(fresh);
    set = fresh;
  }
  let attempt = await verifyWith(token, set);
  if (attempt.kind === 'no-key' && !refetched && !got.value.fetched) {
    const fresh = await refetch();
    if (typeof fresh === 'string') return unreachable(fresh);
    attempt = await verifyWith(token, fresh);
  }

  const key: VerifiedKey = { kid, alg, keySetUrl, refetched };
  const which = kid === null ? 'The key' : `Key “${kid}”`;
  if (attempt.kind === 'no-key') {
    const again = refetched ? ', even after fetching the set again in case the keys had rotated' : '';
    return {
      key: null,
      checks: [
        {
          id: 'key',
          status: 'fail',
          title: keyTitle,
          message: `${which} is not in the issuer’s key set at ${keySetUrl}${again}. The token was not signed by the configured server.`,
        },
        notChecked('there is no key to check it with'),
      ],
    };
  }
  const keyCheck: Check = {
    id: 'key',
    status: 'pass',
    title: keyTitle,
    message: `${which} is in the issuer’s key set at ${keySetUrl}${refetched ? ' (fetched again: the keys had rotated)' : ''}.`,
  };
  if (attempt.kind === 'failed') {
    return {
      key,
      checks: [keyCheck, { id: 'signature', status: 'fail', title: signatureTitle, message: attempt.message }],
    };
  }
  return {
    key,
    checks: [
      keyCheck,
      {
        id: 'signature',
        status: 'pass',
        title: signatureTitle,
        message: 'The signature is valid: the token is exactly as the issuer signed it.',
      },
    ],
  };
}

async function verifyWith(token: string, set: CachedKeySet): Promise<Attempt> {
  try {
    await compactVerify(token, set.resolveKey, { algorithms: allowedAlgorithms });
    return { kind: 'verified' };
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey) return { kind: 'no-key' };
    if (error instanceof errors.JWKSMultipleMatchingKeys) return tryEachCandidate(token, error);
    return { kind: 'failed', message: failureWords(error) };
  }
}

/** No `kid` and several keys fit the algorithm (mid-rotation): the token is valid if any of them verifies it. */
async function tryEachCandidate(token: string, candidates: AsyncIterable<CryptoKey>): Promise<Attempt> {
  let last: unknown;
  for await (const key of candidates) {
    try {
      await compactVerify(token, key, { algorithms: allowedAlgorithms });
      return { kind: 'verified' };
    } catch (error) {
      last = error;
    }
  }
  return { kind: 'failed', message: failureWords(last) };
}

function failureWords(error: unknown): string {
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return 'The signature does not match: the token was changed after it was signed, or someone else signed it.';
  }
  if (error instanceof errors.JOSEError) {
    return `The signature could not be checked: ${error.message}.`;
  }
  return 'The signature could not be checked.';
}

function notChecked(reason: string): Check {
  return { id: 'signature', status: 'fail', title: signatureTitle, message: `Not checked: ${reason}.` };
}

function unreachable(message: string): SignatureOutcome {
  return {
    key: null,
    checks: [
      { id: 'key', status: 'fail', title: keyTitle, message: `The issuer’s key set could not be fetched: ${message}` },
      notChecked('the issuer’s keys are not available'),
    ],
  };
}
