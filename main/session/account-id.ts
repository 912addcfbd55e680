/**
 * Keychain account names: `<profileId>/<realm>/<username>`. A null realm (the server's default
 * directory) is written `*`, which no Auth0 connection name can contain.
 */
const defaultDirectoryMarker = '*';

export interface AccountRef {
  readonly profileId: string;
  readonly realm: string | null;
  readonly username: string;
}

export function formatAccountId(ref: AccountRef): string {
  return `${ref.profileId}/${ref.realm ?? defaultDirectoryMarker}/${ref.username}`;
}

/** Usernames may contain `/`; profile ids and realm names cannot, so only the first two separators count. */
export function parseAccountId(accountId: string): AccountRef | null {
  const first = accountId.indexOf('/');
  const second = accountId.indexOf('/', first + 1);
  if (first <= 0 || second <= first + 1 || second === accountId.length - 1) return null;
  const realm = accountId.slice(first + 1, second);
  return {
    profileId: accountId.slice(0, first),
    realm: realm === defaultDirectoryMarker ? null : realm,
    username: accountId.slice(second + 1),
  };
}
