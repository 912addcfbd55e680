import { noPolicy, type ManagedPolicy } from '../../main/settings/managed-policy';
import type { Profile } from '../../main/settings/profile';
import { SettingsService } from '../../main/settings/settings-service';
import type { RawSettingsFile } from '../../main/settings/settings-store';

/**
 * A SettingsService over an in-memory document, holding the given profiles (the first active). The real
 * file adapters are electron-store and conf; this exercises everything above them.
 */
export function testSettings(profiles: readonly Profile[], policy: ManagedPolicy = noPolicy): SettingsService {
  const file: RawSettingsFile = {
    store: { version: 2, profiles: [...profiles], activeProfileId: profiles[0]?.id ?? null, lastRealms: {} },
  };
  return new SettingsService(file, policy);
}
