import type { AccountRef } from './account-id';

/**
 * Which accounts' credentials have just ended: one account (sign-out, a refused refresh), one profile
 * ("sign out of all" for a profile, a removed profile) or every account ("sign out of all", the idle
 * lock). Credentials held outside the session manager (the admin pane's step-up) end with them.
 */
export type CredentialsEnded =
  | { readonly kind: 'account'; readonly accountId: string }
  | { readonly kind: 'profile'; readonly profileId: string }
  | { readonly kind: 'all' };

/** Whether `ended` covers the account `ref` (whose id is `accountId`). */
export function endsAccount(ended: CredentialsEnded, accountId: string, ref: AccountRef): boolean {
  switch (ended.kind) {
    case 'account':
      return ended.accountId === accountId;
    case 'profile':
      return ended.profileId === ref.profileId;
    case 'all':
      return true;
  }
}
