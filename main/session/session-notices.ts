import { appError, type AppError } from '../../common/errors/app-error';
import type { TokenSet } from '../auth/token-set';
import { parseAccountId } from './account-id';

/** The error for an account whose tokens were dropped by the idle lock; the refresh token alone cannot help. */
export function lockedError(): AppError {
  return appError('not_signed_in', 'The session is locked.', { nextStep: 'Unlock Gatehouse to continue.' });
}

/** The server's clock disagrees with ours: the tokens work, but the times shown may be off. */
export function skewNotice(tokens: TokenSet): string | undefined {
  return tokens.clockSkew === undefined
    ? undefined
    : `${tokens.clockSkew.message} ${tokens.clockSkew.nextStep ?? ''}`.trim();
}

/** The name a user recognises in a notice; the raw id if the keychain entry cannot be read as one. */
export function usernameOf(accountId: string): string {
  return parseAccountId(accountId)?.username ?? accountId;
}
