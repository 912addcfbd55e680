import { appError, type AppResult } from '../../common/errors/app-error';
import { err, ok } from '../../common/result';
import type { SecretStore } from '../secrets/secret-store';
import type { SessionManager } from '../session/session-manager';
import { clientSecretAccount, type Profile, type ProfileInput } from '../settings/profile';
import type { SettingsService } from '../settings/settings-service';

/**
 * Profile changes that touch more than settings: the client secret goes to the keychain, and removing a
 * profile signs its accounts out and deletes its secret.
 */
export class ProfileEditor {
  constructor(
    private readonly settings: SettingsService,
    private readonly secrets: SecretStore,
    private readonly sessions: SessionManager,
  ) {}

  async save(profile: ProfileInput, clientSecret: string | undefined): Promise<AppResult<Profile>> {
    const saved = this.settings.saveProfile(profile);
    if (!saved.ok || clientSecret === undefined) return saved;
    try {
      await this.secrets.set(clientSecretAccount(saved.value.id), clientSecret);
    } catch {
      return err(
        appError(
          'keychain_unavailable',
          'The profile was saved, but its client secret could not be put in the keychain.',
          {
            nextStep: 'Unlock the keychain and save the secret again.',
          },
        ),
      );
    }
    return saved;
  }

  async remove(profileId: string): Promise<AppResult<{ removed: boolean }>> {
    const allowed = this.settings.effective().managedIds.has(profileId);
    if (allowed) return this.settings.removeProfile(profileId); // refused by the policy, with its message
    await this.sessions.signOutAll(profileId);
    const removed = this.settings.removeProfile(profileId);
    try {
      await this.secrets.delete(clientSecretAccount(profileId));
    } catch {
      // nothing stored, or no keychain: there is nothing further we can remove
    }
    return removed.ok ? ok(removed.value) : removed;
  }
}
