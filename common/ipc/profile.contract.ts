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
  /** The profile's scope, prefilled in the sign-in form's advanced options. */
  scope: z.string(),
  extraParams: z.record(z.string(), z.string()),
  /** Realm by e-mail domain: the profile's mapping with the policy's laid over it. */
  realmsByDomain: z.record(z.string(), z.string()),
  /** The realm the organisation pins (a locked default realm, or a single allowed realm): it always wins. */
  pinnedRealm: z.string().nullable(),
  /** The realm each username last signed in with on this profile. Not secret. */
  lastRealms: z.record(z.string(), z.string()),
  /** False when the policy forbids keeping sessions: "Keep me signed in" is hidden and explained. */
  keepSessionsAllowed: z.boolean(),
});
export type ProfileSummary = z.infer<typeof ProfileSummary>;

/** A profile as the sign-in screen's picker lists it. */
export const ProfileChoice = z.object({ profileId: z.string().min(1), name: z.string() });
export type ProfileChoice = z.infer<typeof ProfileChoice>;

/** Whether the Admin tab shows for an account, and why (the policy, a role claim, an earlier step-up). */
export const AdminTab = z.object({
  shown: z.boolean(),
  because: z.enum(['policy', 'claim', 'stepped-up', 'not-eligible']),
});
export type AdminTab = z.infer<typeof AdminTab>;

export const profileChannels = {
  /** The profile the app is using now. */
  active: channel('profile:active', z.object({}).strict(), ProfileSummary),
  /** Every profile the user may sign in with, for the sign-in screen's picker (switch with settings:useProfile). */
  list: channel('profile:list', z.object({}).strict(), z.array(ProfileChoice)),
  /** Whether this account sees the Admin tab: the policy allows it and the account can use it. */
  adminTab: channel('profile:adminTab', z.object({ accountId: z.string().min(1).max(512) }).strict(), AdminTab),
} as const;
