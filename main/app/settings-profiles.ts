import type { TokenGrants } from '../auth/token-client';
import type { ProfileConnection, SessionProfiles } from '../session/session-profiles';
import type { Profile } from '../settings/profile';
import type { SettingsService } from '../settings/settings-service';

/**
 * Session profiles read live from settings, so an edited profile takes effect on the next request. The
 * token client is rebuilt only when the profile's settings actually change.
 */
export function settingsProfiles(
  settings: SettingsService,
  createGrants: (profile: Profile) => TokenGrants,
): SessionProfiles {
  const cache = new Map<string, { key: string; connection: ProfileConnection }>();
  return {
    get(profileId) {
      const profile = settings.profile(profileId);
      if (profile === undefined) return undefined;
      const key = JSON.stringify(profile);
      const cached = cache.get(profileId);
      if (cached?.key === key) return cached.connection;
      const connection = { profile, grants: createGrants(profile) };
      cache.set(profileId, { key, connection });
      return connection;
    },
    ids: () => settings.effective().profiles.map((profile) => profile.id),
  };
}
