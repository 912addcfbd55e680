import { z } from 'zod';
import { ClientAuthMethod, ExplicitEndpoints, RealmMapping, RealmsByDomain } from './profile.schema';

/** Profile fields an organisation may pin (set) and lock (make read-only). Secrets are never in a policy. */
export const pinnableProfileFields = [
  'name',
  'kind',
  'issuer',
  'discoveryUrl',
  'clientId',
  'clientAuth',
  'realms',
  'defaultRealm',
  'realmMapping',
  'audience',
  'scope',
  'caBundlePath',
  'proxy',
  'timeoutMs',
  'apiBaseUrl',
  'endpoints',
  'extraParams',
] as const;
export type PinnableProfileField = (typeof pinnableProfileFields)[number];

const PinnedProfile = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
    name: z.string().min(1).max(128).optional(),
    kind: z.enum(['auth0', 'oauth2']).optional(),
    issuer: z.string().url().optional(),
    discoveryUrl: z.string().url().optional(),
    clientId: z.string().min(1).optional(),
    clientAuth: ClientAuthMethod.optional(),
    realms: z.array(z.string().min(1)).optional(),
    defaultRealm: z.string().min(1).nullable().optional(),
    realmMapping: RealmMapping.optional(),
    audience: z.string().optional(),
    scope: z.string().optional(),
    caBundlePath: z.string().optional(),
    proxy: z.string().url().optional(),
    timeoutMs: z.number().int().min(1000).max(120_000).optional(),
    apiBaseUrl: z.string().url().optional(),
    endpoints: ExplicitEndpoints.optional(),
    extraParams: z.record(z.string(), z.string()).optional(),
    /** Which of the fields above the user may not change. */
    locked: z.array(z.enum(pinnableProfileFields)).default([]),
  })
  .strict();
export type PinnedProfile = z.infer<typeof PinnedProfile>;

/**
 * The machine-wide policy an organisation deploys to managed desktops (a JSON file). Unknown keys are an
 * error, not ignored: a typo in a security setting must not silently turn it off.
 */
export const ManagedPolicy = z
  .object({
    version: z.literal(1),
    /** Profiles the organisation provides, with pinned and locked fields. */
    profiles: z.array(PinnedProfile).max(20).default([]),
    /** When set, the user may only create profiles from this list (no free-form servers). */
    restrictToManagedProfiles: z.boolean().default(false),
    /** When set, only these realms may be used, whatever a profile lists. */
    allowedRealms: z.array(z.string().min(1)).optional(),
    /** False: refresh tokens are never written to the keychain; every launch asks for the password. */
    persistSessions: z.boolean().default(true),
    /** What to do when the keychain is unavailable: keep the session in memory only, or refuse to sign in. */
    keychainUnavailable: z.enum(['memory-only', 'refuse']).default('memory-only'),
    showAdminPane: z.boolean().default(true),
    /** The ID-token claim (and its values) that lets an account open the Admin tab; overrides each profile's. */
    adminClaim: z.string().min(1).max(256).optional(),
    adminClaimValues: z.array(z.string().min(1).max(128)).max(20).optional(),
    /** Realm suggestions by e-mail domain for every profile; they win over a profile's own mapping. */
    realmsByDomain: RealmsByDomain.default({}),
    /** Minutes without activity before access tokens are dropped from memory (refresh tokens stay). */
    idleLockMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .optional(),
    /** Extra CA bundles (PEM paths) trusted for every profile. */
    caBundlePaths: z.array(z.string().min(1)).default([]),
    /**
     * Hosts (no scheme, e.g. `help.example.com`) whose https links the app may open in the browser, besides
     * the active profile's issuer host. Anything else a link points at is refused and logged.
     */
    externalLinkHosts: z
      .array(z.string().regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, 'a host name, without scheme or path'))
      .max(50)
      .default([]),
  })
  .strict();
export type ManagedPolicy = z.infer<typeof ManagedPolicy>;

/** No policy file: everything is the user's choice. */
export const noPolicy: ManagedPolicy = ManagedPolicy.parse({ version: 1 });
