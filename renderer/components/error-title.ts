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
    case 'policy_locked':
      return 'Set by your organisation';
    case 'settings_invalid':
      return 'Settings can’t be read';
    case 'not_found':
      return 'Not found';
    case 'password_leaked':
      return 'Password found in a data breach';
    case 'requires_verification':
      return 'Extra verification needed';
    case 'interaction_required':
      return 'Finish signing in elsewhere';
    case 'invalid_scope':
      return 'Permissions not allowed';
    case 'unsupported_grant_type':
      return 'Sign-in method not supported';
    case 'rate_limited':
      return 'Too many requests';
    case 'invalid_token':
      return 'Access token refused';
    case 'mfa_invalid_code':
      return 'Code not accepted';
    case 'mfa_expired':
      return 'Sign-in step timed out';
    case 'mfa_pending':
      return 'Waiting for approval';
    case 'mfa_slow_down':
      return 'Checking less often';
    case 'mfa_rejected':
      return 'Sign-in rejected';
    case 'mfa_not_enrolled':
      return 'No second factor set up';
    case 'clock_skew':
      return 'Your clock is off';
    case 'discovery_failed':
      return 'Server settings can’t be read';
    case 'insufficient_scope':
      return 'Not allowed with your admin access';
    case 'conflict':
      return 'Clashes with existing data';
    case 'admin_step_up_required':
      return 'Confirm your password for admin access';
  }
}
