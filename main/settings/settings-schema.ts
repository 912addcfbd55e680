import { z } from 'zod';
import { ColorSchemeChoice } from '../../common/settings/color-scheme';
import { Profile } from './profile';

/** The current settings document. Bump `settingsVersion` and add a step to settings-migrations.ts together. */
export const settingsVersion = 2;

export const Settings = z.object({
  version: z.literal(settingsVersion),
  profiles: z.array(Profile).max(50),
  activeProfileId: z.string().nullable(),
  /** The account the app and CLI show first (`<profileId>/<realm>/<username>`). Not secret. */
  activeAccountId: z.string().nullable().default(null),
  /** Last realm used per profile and username, so the login form can preselect it. Not secret. */
  lastRealms: z.record(z.string(), z.string()).default({}),
  /** The window's theme: light, dark, or follow the operating system. */
  colorScheme: ColorSchemeChoice.default('auto'),
  /** Accounts that have stepped up to the admin pane before: their Admin tab shows even without a role claim. */
  steppedUpAccounts: z.array(z.string()).max(200).default([]),
});
export type Settings = z.infer<typeof Settings>;
export type SettingsInput = z.input<typeof Settings>;

export const emptySettings: Settings = {
  version: settingsVersion,
  profiles: [],
  activeProfileId: null,
  activeAccountId: null,
  lastRealms: {},
  colorScheme: 'auto',
  steppedUpAccounts: [],
};
