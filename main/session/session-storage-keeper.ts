import { appError, type AppError, type AppResult } from '../../common/errors/app-error';
import type { SessionStorage } from '../../common/ipc/session.schema';
import { err, ok } from '../../common/result';
import type { SecretStore } from '../secrets/secret-store';
import { parseAccountId } from './account-id';
import { InFlight } from './in-flight';
import type { SessionPolicy } from './session-policy';

/** A throwaway entry written and deleted to prove the keychain works; not an account name (no `/`). */
const keychainProbeAccount = 'keychain-probe';

/**
 * Where refresh tokens go, under the organisation's policy: the keychain, or memory only. It never falls
 * back to a file. Keychain failures become values the session manager can show, not exceptions.
 */
export class SessionStorageKeeper {
  constructor(
    private readonly secrets: SecretStore,
    private readonly policy: SessionPolicy,
    /** Keychain writes in progress, so a quit can wait for them (SessionManager.settle). */
    private readonly inFlight: InFlight = new InFlight(),
  ) {}

  /** With a "refuse" policy, a sign-in is stopped before the password is sent if the keychain is down. */
  async refusalBeforeSignIn(): Promise<AppError | null> {
    if (!this.policy.persistSessions || this.policy.keychainUnavailable !== 'refuse') return null;
    // A real write: on Linux, listing works even with no keyring to write into, so only a write proves it.
    try {
      await this.secrets.set(keychainProbeAccount, 'probe');
      await this.secrets.delete(keychainProbeAccount);
      return null;
    } catch {
      return appError(
        'keychain_unavailable',
        'Your organisation requires the system keychain, and it is not available.',
        {
          nextStep: 'Unlock or set up the keychain (on Linux: the login keyring), then try again.',
        },
      );
    }
  }

  async store(accountId: string, refreshToken: string): Promise<SessionStorage> {
    if (!this.policy.persistSessions) return 'memory';
    try {
      await this.inFlight.track(this.secrets.set(accountId, refreshToken));
      return 'keychain';
    } catch {
      return 'memory';
    }
  }

  notice(storage: SessionStorage): string | undefined {
    if (storage === 'keychain') return undefined;
    return this.policy.persistSessions
      ? 'The system keychain is not available, so this sign-in will not be remembered.'
      : 'Your organisation does not allow Gatehouse to remember sign-ins.';
  }

  /** Stored accounts belonging to the given profiles. */
  async storedAccounts(profileIds: readonly string[]): Promise<AppResult<string[]>> {
    if (!this.policy.persistSessions) return ok([]);
    try {
      const accounts = await this.secrets.listAccounts();
      return ok(accounts.filter((id) => profileIds.includes(parseAccountId(id)?.profileId ?? '')));
    } catch {
      return err(
        appError('keychain_unavailable', 'The system keychain is not available.', {
          nextStep: 'You can still sign in, but you will have to sign in again next time.',
        }),
      );
    }
  }

  async read(accountId: string): Promise<string | null> {
    try {
      return await this.secrets.get(accountId);
    } catch {
      return null;
    }
  }

  async readOrError(accountId: string): Promise<AppResult<string>> {
    try {
      const stored = await this.secrets.get(accountId);
      return stored === null ? err(appError('not_signed_in', 'Nothing is stored for this account.')) : ok(stored);
    } catch {
      return err(appError('keychain_unavailable', 'The system keychain is not available.'));
    }
  }

  /** True when the entry is gone (or was never there); false when the keychain could not be reached. */
  async remove(accountId: string): Promise<boolean> {
    try {
      await this.secrets.delete(accountId);
      return true;
    } catch {
      return false;
    }
  }
}
