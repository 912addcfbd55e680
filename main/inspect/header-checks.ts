import type { Check } from '../../common/ipc/inspect.contract';
import type { Claims } from '../../common/ipc/session.schema';
import { allowedAlgorithms, isAllowedAlgorithm } from './jws-algorithms';

/** Header members by which a token names its own key. Trusting them lets a forger supply the key (RFC 8725 §3.10). */
const keySourceHeaders = ['jku', 'x5u', 'jwk', 'x5c'] as const;

/** The `alg` check: pass only for the allow-list, with plain words for the two classic refusals. */
export function algorithmCheck(header: Claims): Check {
  const alg = header.alg;
  const title = 'Algorithm';
  if (typeof alg !== 'string' || alg === '') {
    return { id: 'algorithm', status: 'fail', title, message: 'The token does not say how it was signed.' };
  }
  if (alg.toLowerCase() === 'none') {
    return {
      id: 'algorithm',
      status: 'fail',
      title,
      message: 'The token is not signed (alg “none”): anyone could have written it. Refused.',
    };
  }
  if (/^HS\d+$/i.test(alg)) {
    return {
      id: 'algorithm',
      status: 'fail',
      title,
      message: `The token uses ${alg}, a shared-secret algorithm. Gatehouse accepts only tokens signed with the issuer’s private key; checking ${alg} against a public key is a known forgery. Refused.`,
    };
  }
  if (!isAllowedAlgorithm(alg)) {
    return {
      id: 'algorithm',
      status: 'fail',
      title,
      message: `The token uses ${alg}, which Gatehouse does not accept. Accepted: ${allowedAlgorithms.join(', ')}.`,
    };
  }
  return { id: 'algorithm', status: 'pass', title, message: `Signed with ${alg}, an accepted public-key algorithm.` };
}

/** Warns when the token points at its own key: that pointer is ignored, never followed. */
export function keySourceCheck(header: Claims): Check {
  const named = keySourceHeaders.filter((name) => name in header);
  if (named.length === 0) {
    return { id: 'header', status: 'pass', title: 'Header', message: 'The header names no key source of its own.' };
  }
  const where = named.map((name) => (typeof header[name] === 'string' ? `${name} (${header[name]})` : name)).join(', ');
  return {
    id: 'header',
    status: 'warn',
    title: 'Header',
    message: `The token names its own key source: ${where}. Gatehouse ignored it and used only the configured issuer’s key set.`,
  };
}
