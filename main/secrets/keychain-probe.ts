import { randomUUID } from 'node:crypto';
import type { SecretStore } from './secret-store';

/** Not `<profileId>/<realm>/<username>`, so a probe left behind by a crash is never read as an account. */
const probePrefix = 'gatehouse-keychain-probe:';

export interface KeychainProbe {
  readonly works: boolean;
  readonly reason?: string;
}

/**
 * Does the OS keychain work right now? Writes a random probe entry, reads it back and deletes it: the three
 * things a sign-in needs. Any failure (no Secret Service, a locked keyring, access denied) is a "no" with
 * the keychain's own words as the reason.
 */
export async function probeKeychain(store: Pick<SecretStore, 'get' | 'set' | 'delete'>): Promise<KeychainProbe> {
  const account = `${probePrefix}${randomUUID()}`;
  const value = randomUUID();
  try {
    await store.set(account, value);
    const read = await store.get(account);
    const deleted = await store.delete(account);
    if (read !== value) return { works: false, reason: 'The keychain accepted an entry but gave back something else.' };
    if (!deleted) return { works: false, reason: 'The keychain could not delete an entry it had just stored.' };
    return { works: true };
  } catch (error) {
    await store.delete(account).catch(() => false);
    return { works: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
