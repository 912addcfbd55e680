/**
 * The OS keychain, as the rest of main sees it. Accounts are `<profileId>/<realm>/<username>` under one
 * service, so a profile's accounts can be listed without knowing them in advance.
 */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Resolves true when something was deleted. */
  delete(account: string): Promise<boolean>;
  listAccounts(): Promise<string[]>;
}

/** The keychain could not be used (no Secret Service, locked, access denied). Never fall back to a file. */
export class SecretStoreUnavailableError extends Error {
  override readonly name = 'SecretStoreUnavailableError';
}
