import { SecretStoreUnavailableError, type SecretStore } from '../../main/secrets/secret-store';

/** An in-memory SecretStore for unit tests only; it can be switched off to act like a missing keychain. */
export class MemorySecretStore implements SecretStore {
  readonly entries = new Map<string, string>();
  available = true;
  /** Every write, in order, so tests can check write-before-forget. */
  readonly writes: Array<{ account: string; secret: string }> = [];

  async get(account: string): Promise<string | null> {
    this.#check();
    return this.entries.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.#check();
    this.writes.push({ account, secret });
    this.entries.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    this.#check();
    return this.entries.delete(account);
  }

  async listAccounts(): Promise<string[]> {
    this.#check();
    return [...this.entries.keys()];
  }

  #check(): void {
    if (!this.available) throw new SecretStoreUnavailableError('keychain switched off for this test');
  }
}
