import { z } from 'zod';
import { channel } from './channel';

/** What the login screen needs to know about the configured server. No secrets, no client credentials. */
export const ProfileSummary = z.object({
  profileId: z.string().min(1),
  name: z.string(),
  kind: z.enum(['auth0', 'oauth2']),
  issuer: z.string(),
  clientId: z.string(),
  realms: z.array(z.string()),
  defaultRealm: z.string().nullable(),
  audience: z.string().optional(),
});
export type ProfileSummary = z.infer<typeof ProfileSummary>;

export const profileChannels = {
  /** The profile the app is using now. */
  active: channel('profile:active', z.object({}).strict(), ProfileSummary),
} as const;
