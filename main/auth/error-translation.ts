import { isAxiosError } from 'axios';
import { appError, type AppError, type ServerAnswer } from '../../common/errors/app-error';
import { OAuthErrorWire } from '../../common/oauth/wire';

/** What the caller was doing, because the same `invalid_grant` means a wrong password or an expired session. */
export type TokenOperation = 'sign-in' | 'refresh' | 'revoke';

/**
 * Turns a server's error answer into plain words and a next step, keeping the raw answer for support.
 * This is the single place where OAuth/Auth0 error codes meet the UI (spec/auth0-wire.md §2).
 */
export function translateServerError(status: number, rawBody: string, operation: TokenOperation): AppError {
  const parsed = parseErrorBody(rawBody);
  const detail: ServerAnswer = {
    status,
    ...(parsed?.error === undefined ? {} : { error: parsed.error }),
    ...(parsed?.error_description === undefined ? {} : { errorDescription: parsed.error_description }),
  };
  const description = parsed?.error_description ?? '';
  const withDetail = (code: AppError['code'], message: string, nextStep: string): AppError =>
    appError(code, message, { nextStep, detail });

  switch (parsed?.error) {
    case 'invalid_grant':
      return operation === 'refresh'
        ? withDetail('session_expired', 'Your saved sign-in is no longer valid.', 'Sign in again with your password.')
        : withDetail(
            'invalid_credentials',
            'The username or password is wrong.',
            'Check both, and the realm, then try again. Too many failed attempts lock the account.',
          );
    case 'too_many_attempts':
      return /suspicious/i.test(description)
        ? withDetail(
            'too_many_attempts',
            'Sign-ins from this network are blocked after many failed attempts.',
            'Ask IT to lift the block, or try again later.',
          )
        : withDetail(
            'too_many_attempts',
            'Your account is locked after too many failed attempts.',
            'Ask IT to unblock it, or follow the unblock link the server sent you.',
          );
    case 'unauthorized':
      return /blocked/i.test(description)
        ? withDetail('user_blocked', 'Your account has been blocked by an administrator.', 'Contact your IT team.')
        : withDetail('access_denied', deniedMessage(description), 'Contact your IT team if you think this is wrong.');
    case 'mfa_required':
      return withDetail(
        'mfa_required',
        'This account needs a second factor to sign in.',
        'Complete multi-factor authentication to continue.',
      );
    case 'unauthorized_client':
      return withDetail(
        'unauthorized_client',
        'This app is not allowed to sign in this way on this server.',
        'Ask your administrator to enable the password grant and this realm for the app.',
      );
    case 'invalid_client':
      return withDetail(
        'unauthorized_client',
        'The server did not accept this app’s client credentials.',
        'Check the client ID and secret in the server profile.',
      );
    case 'access_denied':
      return status === 401 && description === 'Unauthorized'
        ? withDetail(
            'unauthorized_client',
            'The server did not accept this app’s client credentials.',
            'Check the client ID and secret in the server profile.',
          )
        : withDetail('access_denied', deniedMessage(description), 'Contact your IT team if you think this is wrong.');
    case 'invalid_request':
      return /connection|realm/i.test(description)
        ? withDetail('invalid_realm', 'That realm is not available for this app.', 'Pick another realm from the list.')
        : withDetail('invalid_request', 'The server could not understand the request.', 'Contact your IT team.');
    case 'too_many_requests':
      return withDetail(
        'too_many_attempts',
        'The server is busy with too many requests.',
        'Wait a minute, then try again.',
      );
    default:
      return translateByStatus(status, detail);
  }
}

function deniedMessage(description: string): string {
  return description ? `The server refused the sign-in: ${description}` : 'The server refused the sign-in.';
}

/** Servers that answer with only a status (or an error code we do not know) still get plain words. */
function translateByStatus(status: number, detail: ServerAnswer): AppError {
  if (status >= 500) {
    return appError('server_error', `The sign-in server had a problem (HTTP ${status}).`, {
      nextStep: 'Try again in a minute. If it keeps happening, tell your IT team.',
      detail,
    });
  }
  if (status === 401 || status === 403) {
    return appError('access_denied', `The server refused the request (HTTP ${status}).`, {
      nextStep: 'Check your username and password, then try again.',
      detail,
    });
  }
  return appError('invalid_request', `The server rejected the request (HTTP ${status}).`, {
    nextStep: 'Contact your IT team with the details below.',
    detail,
  });
}

function parseErrorBody(rawBody: string): OAuthErrorWire | undefined {
  try {
    const parsed = OAuthErrorWire.safeParse(JSON.parse(rawBody));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const tlsErrorCodes: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server’s certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'the server’s certificate chain ends in an untrusted self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server’s certificate is not signed by a trusted authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the server’s certificate is not signed by a trusted authority',
  CERT_HAS_EXPIRED: 'the server’s certificate has expired',
  CERT_NOT_YET_VALID: 'the server’s certificate is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server’s certificate is for a different host name',
};

/** Transport failures: nothing came back from the server, so there is no server answer to keep. */
export function translateTransportError(error: unknown, url: string): AppError {
  const code = isAxiosError(error) ? error.code : undefined;
  const host = safeHost(url);
  if (code !== undefined && code in tlsErrorCodes) {
    return appError('tls', `A secure connection to ${host} could not be made: ${tlsErrorCodes[code]}.`, {
      nextStep: 'Do not continue on this network. Tell your IT team; they may need to add your company’s CA bundle.',
    });
  }
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
    return appError('timeout', `${host} did not answer in time.`, {
      nextStep: 'Check your network connection, then try again.',
    });
  }
  return appError('network', `Could not reach ${host}.`, {
    nextStep: 'Check your network connection and the server address, then try again.',
  });
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}
