import { z } from 'zod';
import { ColorSchemeChoice } from '../settings/color-scheme';
import { pinnableProfileFields } from '../settings/managed-policy.schema';
import { Profile } from '../settings/profile.schema';
import { channel } from './channel';

/** What the Settings screen shows: the effective profiles, and what the organisation manages. */
export const SettingsView = z.object({
  profiles: z.array(Profile),
  activeProfileId: z.string().nullable(),
  /** Per profile id, the fields the managed policy locks (shown as "managed by your organisation"). */
  locked: z.record(z.string(), z.array(z.enum(pinnableProfileFields))),
  managedProfileIds: z.array(z.string()),
  policy: z.object({
    restrictToManagedProfiles: z.boolean(),
    allowedRealms: z.array(z.string()).optional(),
    persistSessions: z.boolean(),
    keychainUnavailable: z.enum(['memory-only', 'refuse']),
    showAdminPane: z.boolean(),
    idleLockMinutes: z.number().int().optional(),
  }),
});
export type SettingsView = z.infer<typeof SettingsView>;

export const SaveProfileInput = z.object({
  profile: Profile,
  /** A confidential client's secret: it goes straight to the keychain and is never sent back. */
  clientSecret: z.string().min(1).max(4096).optional(),
});
export type SaveProfileInput = z.input<typeof SaveProfileInput>;

export const ConnectionStep = z.object({
  id: z.enum(['discovery', 'jwks', 'token']),
  /** Short label, e.g. "Key set (JWKS)". */
  title: z.string(),
  status: z.enum(['pass', 'fail', 'skip']),
  /** Plain words: what was reached, or why not (DNS, TLS, proxy, refused, status). */
  reason: z.string(),
  url: z.string().optional(),
  durationMs: z.number().int().nonnegative(),
});
export type ConnectionStep = z.infer<typeof ConnectionStep>;

export const ConnectionReport = z.object({
  profileId: z.string(),
  /** True when no step failed. */
  ok: z.boolean(),
  steps: z.array(ConnectionStep),
});
export type ConnectionReport = z.infer<typeof ConnectionReport>;

export const KeychainHealth = z.object({
  /** True when a probe entry could be written, read back and deleted just now. */
  works: z.boolean(),
  /** When it failed: the keychain's own words, for IT. */
  reason: z.string().optional(),
  checkedAt: z.number().int(),
  /** What the policy says to do without a keychain. */
  keychainUnavailable: z.enum(['memory-only', 'refuse']),
  /** False: sessions are never saved, keychain or not. */
  persistSessions: z.boolean(),
});
export type KeychainHealth = z.infer<typeof KeychainHealth>;

const ProfileIdInput = z.object({ profileId: z.string().min(1).max(64) }).strict();

export const settingsChannels = {
  get: channel('settings:get', z.object({}).strict(), SettingsView),
  saveProfile: channel('settings:saveProfile', SaveProfileInput, Profile),
  removeProfile: channel('settings:removeProfile', ProfileIdInput, z.object({ removed: z.boolean() })),
  useProfile: channel('settings:useProfile', ProfileIdInput, Profile),
  /** Discovery (or the configured endpoints), the JWKS, and a token-endpoint probe that sends no credentials. */
  /** Writes, reads back and deletes a probe entry in the OS keychain now, and says what the policy does without one. */
  /** The remembered theme (light, dark or follow the system). */
  colorScheme: channel('settings:colorScheme', z.object({}).strict(), z.object({ colorScheme: ColorSchemeChoice })),
  setColorScheme: channel(
    'settings:setColorScheme',
    z.object({ colorScheme: ColorSchemeChoice }).strict(),
    z.object({ colorScheme: ColorSchemeChoice }),
  ),
  keychainHealth: channel('settings:keychainHealth', z.object({}).strict(), KeychainHealth),
  testConnection: channel('settings:testConnection', ProfileIdInput, ConnectionReport),
} as const;
