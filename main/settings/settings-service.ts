import type { ColorSchemeChoice } from '../../common/settings/color-scheme';
import { isDeepStrictEqual } from 'node:util';
import { appError, type AppResult } from '../../common/errors/app-error';
import { err, ok } from '../../common/result';
import { applyPolicy, lockedChanges, type EffectiveProfiles } from './effective-profiles';
import type { ManagedPolicy } from './managed-policy';
import { Profile, type ProfileInput } from './profile';
import type { Settings } from './settings-schema';
import { readSettings, writeSettings, type RawSettingsFile } from './settings-store';

/**
 * The user's settings under the organisation's policy. Every change is validated, checked against the
 * policy's locks, and written in one step; reads always return the effective (policy-applied) view.
 */
export class SettingsService {
  readonly #file: RawSettingsFile;
  readonly policy: ManagedPolicy;

  /** Throws SettingsFileError when the stored document cannot be used (it is left untouched). */
  constructor(file: RawSettingsFile, policy: ManagedPolicy) {
    this.#file = file;
    this.policy = policy;
    readSettings(file);
  }

  settings(): Settings {
    return readSettings(this.#file);
  }

  effective(): EffectiveProfiles {
    return applyPolicy(this.settings().profiles, this.policy);
  }

  profile(profileId: string): Profile | undefined {
    return this.effective().profiles.find((profile) => profile.id === profileId);
  }

  /** The active profile, else the first one, else none. */
  activeProfile(): Profile | undefined {
    const { profiles } = this.effective();
    const activeId = this.settings().activeProfileId;
    return profiles.find((profile) => profile.id === activeId) ?? profiles[0];
  }

  saveProfile(input: ProfileInput): AppResult<Profile> {
    const parsed = Profile.safeParse(input);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      return err(appError('invalid_input', `The profile is not valid: ${problems}.`));
    }
    const effective = this.effective();
    const proposed = parsed.data;
    if (this.policy.restrictToManagedProfiles && !effective.managedIds.has(proposed.id)) {
      return err(appError('policy_locked', 'Your organisation only allows the server profiles it provides.'));
    }
    const current = effective.profiles.find((profile) => profile.id === proposed.id);
    const blocked = lockedChanges(current, proposed, effective.locked[proposed.id] ?? []);
    if (blocked.length > 0) {
      return err(
        appError('policy_locked', `These settings are managed by your organisation: ${blocked.join(', ')}.`, {
          nextStep: 'Ask your IT team if they need to change.',
        }),
      );
    }
    this.#update((settings) => ({
      ...settings,
      profiles: [...settings.profiles.filter((profile) => profile.id !== proposed.id), proposed],
      activeProfileId: settings.activeProfileId ?? proposed.id,
    }));
    return ok(this.profile(proposed.id) ?? proposed);
  }

  removeProfile(profileId: string): AppResult<{ removed: boolean }> {
    if (this.effective().managedIds.has(profileId)) {
      return err(
        appError('policy_locked', 'This server profile is provided by your organisation and cannot be removed.'),
      );
    }
    const before = this.settings();
    if (!before.profiles.some((profile) => profile.id === profileId)) return ok({ removed: false });
    this.#update((settings) => ({
      ...settings,
      profiles: settings.profiles.filter((profile) => profile.id !== profileId),
      activeProfileId: settings.activeProfileId === profileId ? null : settings.activeProfileId,
    }));
    return ok({ removed: true });
  }

  useProfile(profileId: string): AppResult<Profile> {
    const profile = this.profile(profileId);
    if (profile === undefined) return err(appError('not_found', `There is no server profile “${profileId}”.`));
    this.#update((settings) => ({ ...settings, activeProfileId: profileId }));
    return ok(profile);
  }

  setActiveAccount(accountId: string | null): void {
    this.#update((settings) => ({ ...settings, activeAccountId: accountId }));
  }

  rememberRealm(profileId: string, username: string, realm: string): void {
    this.#update((settings) => ({
      ...settings,
      lastRealms: { ...settings.lastRealms, [`${profileId}/${username}`]: realm },
    }));
  }

  colorScheme(): ColorSchemeChoice {
    return this.settings().colorScheme;
  }

  setColorScheme(colorScheme: ColorSchemeChoice): void {
    this.#update((settings) => ({ ...settings, colorScheme }));
  }

  lastRealm(profileId: string, username: string): string | undefined {
    return this.settings().lastRealms[`${profileId}/${username}`];
  }

  /** Remembers that an account stepped up to the admin pane, so its Admin tab keeps showing. */
  rememberStepUp(accountId: string): void {
    this.#update((settings) =>
      settings.steppedUpAccounts.includes(accountId)
        ? settings
        : { ...settings, steppedUpAccounts: [...settings.steppedUpAccounts, accountId] },
    );
  }

  hasSteppedUp(accountId: string): boolean {
    return this.settings().steppedUpAccounts.includes(accountId);
  }

  /** Every remembered realm of one profile, by username. */
  lastRealmsFor(profileId: string): Record<string, string> {
    const prefix = `${profileId}/`;
    return Object.fromEntries(
      Object.entries(this.settings().lastRealms)
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, realm]) => [key.slice(prefix.length), realm]),
    );
  }

  #update(change: (settings: Settings) => Settings): void {
    const current = this.settings();
    const next = change(current);
    // Every sign-in records its account and realm, which are usually the same as last time. A write is an
    // fsync'd atomic replace of the file (about 10 ms), so an unchanged document is not written again.
    if (isDeepStrictEqual(next, current)) return;
    writeSettings(this.#file, next);
  }
}
