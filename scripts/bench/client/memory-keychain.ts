import type { SecretStore } from '../../../main/secrets/secret-store';

/**
 * The keychain for the sign-in benchmark: a Map. The OS keychain (D-Bus, Keychain Services, DPAPI) takes
 * its own time, which is not the client's code; this keeps that time out of the figure.
 */
export class MemoryKeychain implements SecretStore {
  readonly #entries = new Map<string, string>();

  async get(account: string): Promise<string | null> {
    return this.#entries.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.#entries.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    return this.#entries.delete(account);
  }

  async listAccounts(): Promise<string[]> {
    return [...this.#entries.keys()];
  }
}
