import { z } from 'zod';

/**
 * A server profile: which authorization server and client this app signs in with. It holds no secret;
 * a confidential client's secret lives in the keychain.
 */
export const Profile = z.object({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash and underscore only'),
  name: z.string().min(1).max(128),
  kind: z.enum(['auth0', 'oauth2']),
  /** The issuer / tenant base URL, with a trailing slash (Auth0's `iss`). */
  issuer: z
    .string()
    .url()
    .refine((url) => /^https?:\/\//.test(url), 'must be an http(s) URL')
    .transform((url) => (url.endsWith('/') ? url : `${url}/`)),
  clientId: z.string().min(1).max(256),
  realms: z.array(z.string().min(1).max(128)).max(100),
  defaultRealm: z.string().min(1).max(128).nullable(),
  audience: z.string().max(2048).optional(),
  scope: z.string().max(4096).default('openid profile email offline_access'),
});
export type Profile = z.infer<typeof Profile>;
export type ProfileInput = z.input<typeof Profile>;

export interface ProfileEndpoints {
  readonly token: string;
  readonly revocation: string;
}

/** Auth0's fixed paths under the tenant base URL (spec/auth0-wire.md §1, §5.2). */
export function endpointsOf(profile: Profile): ProfileEndpoints {
  return {
    token: new URL('oauth/token', profile.issuer).toString(),
    revocation: new URL('oauth/revoke', profile.issuer).toString(),
  };
}
