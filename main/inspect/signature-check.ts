import type { AxiosInstance } from 'axios';
import type { Check, VerifiedKey } from '../../common/ipc/inspect.contract';
import type { Claims } from '../../common/ipc/session.schema';
import { isAllowedAlgorithm } from './jws-algorithms';
import { verifySignature } from './jws-signature';
import type { CachedKeySet, KeySetCache } from './key-set-cache';
import { chooseKeys } from './published-keys';

export interface SignatureOutcome {
  readonly checks: readonly [Check, Check];
  readonly key: VerifiedKey | null;
}

type Attempt =
  | { readonly kind: 'verified' }
  | { readonly kind: 'no-key' }
  | { readonly kind: 'unfit'; readonly reason: string }
  | { readonly kind: 'failed'; readonly message: string };

const keyTitle = 'Signing key';
const signatureTitle = 'Signature';

/**
 * Checks the signature with a key from the configured issuer's JWKS only, picked by `kid` and `alg`
 * (published-keys.ts); `jku`, `x5u`, `jwk` and `x5c` are never consulted. When the token names a key the
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
  let attempt = verifyWith(token, header, set);
  if (attempt.kind === 'no-key' && !refetched && !got.value.fetched) {
    const fresh = await refetch();
    if (typeof fresh === 'string') return unreachable(fresh);
    attempt = verifyWith(token, header, fresh);
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
  if (attempt.kind === 'unfit') {
    return {
      key: null,
      checks: [
        {
          id: 'key',
          status: 'fail',
          title: keyTitle,
          message: `${which} is in the issuer’s key set at ${keySetUrl}, but it ${attempt.reason}. Refused.`,
        },
        notChecked(`that key may not check ${alg} signatures`),
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

/**
 * Picks the key from the cached set and checks the signature with Node's crypto. Only the configured set
 * is consulted, so `jku`, `x5u`, `jwk` and `x5c` have no say in which key is used.
 */
function verifyWith(token: string, header: Claims, set: CachedKeySet): Attempt {
  const alg = header.alg;
  // Defence in depth: the inspector only calls this for a three-part JWS whose algorithm passed the allow-list.
  if (!isAllowedAlgorithm(alg) || !compactJws.test(token)) {
    return { kind: 'failed', message: 'The signature could not be checked: the token or its algorithm is refused.' };
  }
  // RFC 7515 §4.1.11: a recipient must refuse a token whose `crit` names extensions it does not implement,
  // and Gatehouse implements none (e.g. RFC 7797's unencoded payload would change what was signed).
  if ('crit' in header) {
    return {
      kind: 'failed',
      message:
        'The signature could not be checked: the token marks header members as critical (crit), and Gatehouse understands none of them.',
    };
  }
  const kid = typeof header.kid === 'string' ? header.kid : null;
  const choice = chooseKeys(set.keys, alg, kid);
  if (choice.kind === 'absent') return { kind: 'no-key' };
  if (choice.kind === 'unfit') return { kind: 'unfit', reason: choice.reason };

  // RFC 7515 §5.2: the signing input is the first two parts exactly as received, ASCII.
  const lastDot = token.lastIndexOf('.');
  const signingInput = Buffer.from(token.slice(0, lastDot), 'latin1');
  const signature = Buffer.from(token.slice(lastDot + 1), 'base64url');
  let wrongLength: string | null = null;
  // No `kid` and several keys fit (mid-rotation): the token is valid if any of them verifies it.
  for (const { key, signatureBytes } of choice.keys) {
    if (signature.length !== signatureBytes) {
      wrongLength = `The signature is ${signature.length} bytes long, but a ${alg} signature by this key is ${signatureBytes} bytes: the token was cut short or altered.`;
      continue;
    }
    if (verifySignature(alg, key, signingInput, signature)) return { kind: 'verified' };
  }
  return { kind: 'failed', message: choice.keys.length === 1 && wrongLength !== null ? wrongLength : mismatch };
}

/** RFC 7515 §7.1: header, payload and signature, base64url without padding. */
const compactJws = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

const mismatch = 'The signature does not match: the token was changed after it was signed, or someone else signed it.';

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
