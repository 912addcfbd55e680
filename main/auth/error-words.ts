import type { AppErrorCode } from '../../common/errors/app-error';

/** What the caller was doing, because the same `invalid_grant` means a wrong password or an expired session. */
export type TokenOperation = 'sign-in' | 'refresh' | 'revoke' | 'mfa' | 'client-credentials' | 'userinfo' | 'discovery';

/** Plain words for one server answer: what happened, and what the user can do next. */
export interface Translation {
  readonly code: AppErrorCode;
  readonly message: string;
  readonly nextStep: string;
}

export const say = (code: AppErrorCode, message: string, nextStep: string): Translation => ({
  code,
  message,
  nextStep,
});

// Next steps and answers shared by more than one family of the catalogue, so they read the same everywhere.
export const askIt = 'Contact your IT team if you think this is wrong.';
export const startOver = 'Start again: sign in with your password.';
export const tryLater = 'Try again in a minute. If it keeps happening, tell your IT team.';
export const checkAddress = 'Check the server address and endpoints in the server profile.';
export const checkClient = say(
  'unauthorized_client',
  'The server did not accept this app’s client credentials.',
  'Check the client ID and client secret in the server profile.',
);
export const rateLimited = say(
  'rate_limited',
  'The server is limiting how often this app may call it.',
  'Wait a minute, then try again.',
);

/** The server's own reason, appended when it gave one. */
export function withReason(message: string, description: string): string {
  return description ? `${message}: ${description}` : `${message}.`;
}
