import { z } from 'zod';

/**
 * Auth0's client (application) and resource-server (API) objects, as far as the admin pane reads and
 * writes them (auth0-wire.md §1.6, §5.1, §7.5). Credentials are left out on purpose: a schema that does
 * not name `client_secret` or `signing_secret` strips them when it parses, so they never reach the window.
 */

/** The client's `refresh_token` settings (§5.1). */
export const RefreshTokenSettings = z.object({
  rotation_type: z.enum(['rotating', 'non-rotating']).optional(),
  expiration_type: z.enum(['expiring', 'non-expiring']).optional(),
  leeway: z.number().int().optional(),
  token_lifetime: z.number().int().optional(),
  idle_token_lifetime: z.number().int().optional(),
  infinite_token_lifetime: z.boolean().optional(),
  infinite_idle_token_lifetime: z.boolean().optional(),
});
export type RefreshTokenSettings = z.infer<typeof RefreshTokenSettings>;

export const Client = z.object({
  client_id: z.string(),
  name: z.string().optional(),
  description: z.string().nullish(),
  app_type: z.string().nullish(),
  token_endpoint_auth_method: z.string().nullish(),
  grant_types: z.array(z.string()).optional(),
  is_token_endpoint_ip_header_trusted: z.boolean().optional(),
  /**
   * Auth0's `refresh_token` field (rotation and lifetimes), renamed at the boundary: a field called
   * `refresh_token` must never cross IPC, even when it holds settings rather than a token.
   */
  refresh_token_settings: RefreshTokenSettings.nullish(),
  is_first_party: z.boolean().optional(),
});
export type Client = z.infer<typeof Client>;

/** What the admin pane may change on a client: the settings that gate the password flows (§1.6). */
export const ClientUpdate = z.strictObject({
  name: z.string().min(1).max(256).optional(),
  grant_types: z.array(z.string().min(1).max(128)).max(20).optional(),
  is_token_endpoint_ip_header_trusted: z.boolean().optional(),
  /** Sent to Auth0 as `refresh_token`. */
  refresh_token_settings: RefreshTokenSettings.strict().optional(),
});
export type ClientUpdate = z.infer<typeof ClientUpdate>;

export const ApiScope = z.object({ value: z.string(), description: z.string().optional() });
export type ApiScope = z.infer<typeof ApiScope>;

export const ResourceServer = z.object({
  id: z.string(),
  name: z.string().optional(),
  identifier: z.string(),
  scopes: z.array(ApiScope).optional(),
  signing_alg: z.string().optional(),
  allow_offline_access: z.boolean().optional(),
  token_lifetime: z.number().int().optional(),
  token_lifetime_for_web: z.number().int().optional(),
  skip_consent_for_verifiable_first_party_clients: z.boolean().optional(),
  enforce_policies: z.boolean().optional(),
  token_dialect: z.string().optional(),
  is_system: z.boolean().optional(),
});
export type ResourceServer = z.infer<typeof ResourceServer>;

const ResourceServerFields = {
  name: z.string().min(1).max(200).optional(),
  scopes: z
    .array(z.strictObject({ value: z.string().min(1).max(280), description: z.string().max(500).optional() }))
    .max(1000)
    .optional(),
  allow_offline_access: z.boolean().optional(),
  /** Seconds; Auth0 allows up to 30 days. */
  token_lifetime: z.number().int().min(1).max(2_592_000).optional(),
  token_lifetime_for_web: z.number().int().min(1).max(2_592_000).optional(),
  skip_consent_for_verifiable_first_party_clients: z.boolean().optional(),
  enforce_policies: z.boolean().optional(),
  token_dialect: z.enum(['access_token', 'access_token_authz', 'rfc9068_profile', 'rfc9068_profile_authz']).optional(),
};

export const ResourceServerCreate = z.strictObject({
  /** The audience; it cannot be changed later. */
  identifier: z.string().min(1).max(600),
  signing_alg: z.enum(['RS256', 'HS256']).optional(),
  ...ResourceServerFields,
});
export type ResourceServerCreate = z.infer<typeof ResourceServerCreate>;

export const ResourceServerUpdate = z.strictObject(ResourceServerFields);
export type ResourceServerUpdate = z.infer<typeof ResourceServerUpdate>;
