import { z } from 'zod';

/**
 * OAuth 2.0 wire shapes shared by the reference server (which writes them) and the desktop token client
 * (which parses them). Field names keep their snake_case here: this is the wire, and camelCase starts
 * one step in, at the client's schema boundary.
 */

export const grantTypes = {
  password: 'password',
  passwordRealm: 'http://auth0.com/oauth/grant-type/password-realm',
  refreshToken: 'refresh_token',
  clientCredentials: 'client_credentials',
  mfaOtp: 'http://auth0.com/oauth/grant-type/mfa-otp',
  mfaOob: 'http://auth0.com/oauth/grant-type/mfa-oob',
  mfaRecoveryCode: 'http://auth0.com/oauth/grant-type/mfa-recovery-code',
} as const;
export type GrantType = (typeof grantTypes)[keyof typeof grantTypes];

/** RFC 6749 §5.1, with Auth0's fields. `token_type` is compared case-insensitively by clients (RFC 6749 §7.1). */
export const TokenResponseWire = z.object({
  access_token: z.string().min(1),
  token_type: z.string().min(1),
  expires_in: z.number().int().nonnegative().optional(),
  refresh_token: z.string().min(1).optional(),
  id_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});
export type TokenResponseWire = z.infer<typeof TokenResponseWire>;

/** RFC 6749 §5.2 error body, plus Auth0's extra keys on `mfa_required`. */
export const OAuthErrorWire = z.object({
  error: z.string().min(1),
  error_description: z.string().optional(),
  mfa_token: z.string().optional(),
});
export type OAuthErrorWire = z.infer<typeof OAuthErrorWire>;

/** The subset of OpenID Provider Metadata (OIDC Discovery §3) that Gatehouse reads. */
export const DiscoveryDocumentWire = z.object({
  issuer: z.string().url(),
  token_endpoint: z.string().url(),
  jwks_uri: z.string().url(),
  userinfo_endpoint: z.string().url().optional(),
  revocation_endpoint: z.string().url().optional(),
  mfa_challenge_endpoint: z.string().url().optional(),
});
export type DiscoveryDocumentWire = z.infer<typeof DiscoveryDocumentWire>;
