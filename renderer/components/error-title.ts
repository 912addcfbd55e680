import type { AppErrorCode } from '../../common/errors/app-error';

/**
 * A short heading for each kind of failure; the AppError's own message says the specifics. The switch is
 * exhaustive on purpose: adding an error code fails the type check until this screen has words for it.
 */
export function errorTitle(code: AppErrorCode): string {
  switch (code) {
    case 'invalid_credentials':
      return 'Sign-in refused';
    case 'mfa_required':
      return 'A second step is needed';
    case 'too_many_attempts':
      return 'Account locked for now';
    case 'user_blocked':
      return 'Account blocked';
    case 'access_denied':
      return 'Access denied';
    case 'unauthorized_client':
      return 'This app is not allowed to sign you in';
    case 'invalid_realm':
      return 'Unknown directory';
    case 'invalid_request':
      return 'The server refused the request';
    case 'session_expired':
      return 'Your session ended';
    case 'server_error':
      return 'The server had a problem';
    case 'network':
      return 'Can’t reach the server';
    case 'tls':
      return 'Secure connection failed';
    case 'timeout':
      return 'The server took too long';
    case 'keychain_unavailable':
      return 'Keychain unavailable';
    case 'not_signed_in':
      return 'You are not signed in';
    case 'invalid_input':
      return 'Check what you entered';
    case 'forbidden_sender':
      return 'Request blocked';
    case 'internal':
      return 'Something went wrong';
  }
}
