import keytar from 'keytar';
import { SecretStoreUnavailableError, type SecretStore } from './secret-store';

/** The keychain service name every Gatehouse secret lives under. */
export const keychainService = 'gatehouse';

/**
 * The end of the queue of keychain calls in this process. keytar runs each call on a libuv worker thread,
 * and libsecret (Linux) is not safe to enter from two threads at once: concurrent calls can crash the
 * process (atom/node-keytar#283; seen here as a SIGSEGV). So every call waits for the one before it, across
 * all stores. Keychain calls are few (sign-in, refresh, sign-out), so the queue costs nothing visible.
 */
let queueTail: Promise<unknown> = Promise.resolve();

function oneAtATime<T>(run: () => Promise<T>): Promise<T> {
  const result = queueTail.then(run, run);
  queueTail = result.catch(() => undefined);
  return result;
}

/**
 * SecretStore on the OS keychain through keytar: Keychain on macOS, Credential Vault on Windows, the
 * Secret Service (gnome-keyring, KWallet) on Linux. Every keytar failure becomes SecretStoreUnavailableError
 * with the original as its cause, so callers can switch to memory-only mode.
 */
export class KeytarSecretStore implements SecretStore {
  constructor(private readonly service: string = keychainService) {}

  get(account: string): Promise<string | null> {
    return this.#call('read', () => keytar.getPassword(this.service, account));
  }

  set(account: string, secret: string): Promise<void> {
    return this.#call('write', () => keytar.setPassword(this.service, account, secret));
  }

  delete(account: string): Promise<boolean> {
    return this.#call('delete', () => keytar.deletePassword(this.service, account));
  }

  async listAccounts(): Promise<string[]> {
    const credentials = await this.#call('list', () => keytar.findCredentials(this.service));
    // Only the names leave this method; the secrets keytar returned alongside are dropped here.
    return credentials.map((credential) => credential.account);
  }

  async #call<T>(action: string, run: () => Promise<T>): Promise<T> {
    try {
      return await oneAtATime(run);
    } catch (cause) {
      throw new SecretStoreUnavailableError(`The keychain could not ${action} (${describe(cause)})`, { cause });
    }
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
