import { isAxiosError } from 'axios';
import { appError, type AppError } from '../../common/errors/app-error';

/** Node's certificate-check codes (OpenSSL's X509_V_ERR_* names), in words a user can repeat to IT. */
const tlsCauses: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server’s certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'the server’s certificate chain ends in an untrusted self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server’s certificate is not signed by a trusted authority',
  UNABLE_TO_GET_ISSUER_CERT: 'the server’s certificate is not signed by a trusted authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the server’s certificate is not signed by a trusted authority',
  CERT_UNTRUSTED: 'the server’s certificate is not trusted',
  CERT_SIGNATURE_FAILURE: 'the server’s certificate has a broken signature',
  CERT_HAS_EXPIRED: 'the server’s certificate has expired (or this computer’s date is wrong)',
  CERT_NOT_YET_VALID: 'the server’s certificate is not valid yet (or this computer’s date is wrong)',
  CERT_REVOKED: 'the server’s certificate has been revoked',
  INVALID_CA: 'a certificate in the server’s chain is not allowed to act as an authority',
  INVALID_PURPOSE: 'the server’s certificate is not meant for a web server',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server’s certificate is for a different host name',
  HOSTNAME_MISMATCH: 'the server’s certificate is for a different host name',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server did not answer in TLS (is its address http:// rather than https://?)',
  EPROTO: 'the server did not complete a TLS handshake',
};

const networkCauses: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'nothing accepted the connection',
  ENOTFOUND: 'the name could not be found',
  EAI_AGAIN: 'the name could not be looked up',
  ECONNRESET: 'the connection was cut',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  EPIPE: 'the connection was cut',
};

/**
 * Transport failures: nothing usable came back from the server, so there is no server answer to keep.
 * TLS failures are never retried or downgraded; the message names the cause so IT can act on it.
 */
export function translateTransportError(error: unknown, url: string): AppError {
  const code = transportCode(error);
  const host = safeHost(url);
  const tlsCause = code === undefined ? undefined : tlsCauses[code];
  if (tlsCause !== undefined || (code?.startsWith('ERR_TLS_') ?? false) || (code?.startsWith('ERR_SSL_') ?? false)) {
    return appError(
      'tls',
      `A secure connection to ${host} could not be made: ${tlsCause ?? 'the TLS handshake failed'}.`,
      {
        nextStep:
          'Do not continue on this network. Tell your IT team; if your company inspects TLS, the server profile needs its CA bundle.',
        detail: { error: code },
      },
    );
  }
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') {
    return appError('timeout', `${host} did not answer in time.`, {
      nextStep:
        'Check your network connection, then try again. A slow server may need a longer timeout in the profile.',
      detail: { error: code },
    });
  }
  if (
    code === 'ERR_FR_MAX_BODY_LENGTH_EXCEEDED' ||
    (code === 'ERR_BAD_RESPONSE' && /maxContentLength/.test(String(error)))
  ) {
    return appError('server_error', `${host} sent an answer far too large to be a sign-in response.`, {
      nextStep: 'Check the server address in the profile.',
      detail: { error: code },
    });
  }
  const cause = code === undefined ? undefined : networkCauses[code];
  return appError('network', `Could not reach ${host}${cause === undefined ? '' : `: ${cause}`}.`, {
    nextStep: 'Check your network connection, any proxy settings, and the server address, then try again.',
    ...(code === undefined ? {} : { detail: { error: code } }),
  });
}

/** The most specific code: axios copies the socket's code, and TLS errors may hide theirs in `cause`. */
function transportCode(error: unknown): string | undefined {
  const own = isAxiosError(error) ? error.code : (error as { code?: unknown } | null)?.code;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof cause === 'string' && (own === undefined || own === 'ERR_BAD_REQUEST' || own === 'ERR_NETWORK'))
    return cause;
  return typeof own === 'string' ? own : undefined;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}
