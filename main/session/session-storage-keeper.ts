import { appError, type AppError, type AppResult } from '../../common/errors/app-error';
import type { MemoryReason } from '../../common/ipc/session.schema';
import { err, ok } from '../../common/result';
import type { SecretStore } from '../secrets/secret-store';
import { parseAccountId } from './account-id';
import { InFlight } from './in-flight';
import type { Placement } from './live-session';
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

  /**
   * Puts the refresh token where policy and the user's "Keep me signed in" allow, and says why when that is
   * memory. Not keeping it also deletes what an earlier sign-in of the account left in the keychain.
   */
  async place(accountId: string, refreshToken: string, keep: boolean): Promise<Placement> {
    if (!this.policy.persistSessions) return { storage: 'memory', memoryReason: 'policy' };
    if (!keep) {
      await this.remove(accountId);
      return { storage: 'memory', memoryReason: 'user-choice' };
    }
    try {
      await this.inFlight.track(this.secrets.set(accountId, refreshToken));
      return { storage: 'keychain', memoryReason: null };
    } catch {
      return { storage: 'memory', memoryReason: 'no-keychain' };
    }
  }

  /** Words for a sign-in that will not be remembered against the user's wish; none when they chose it. */
  notice(memoryReason: MemoryReason | null): string | undefined {
    if (memoryReason === 'no-keychain') {
      return 'The system keychain is not available, so this sign-in will not be remembered.';
    }
    if (memoryReason === 'policy') return 'Your organisation does not allow Gatehouse to remember sign-ins.';
    return undefined;
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
