import { z } from 'zod';

const httpUrl = z
  .string()
  .url()
  .refine((url) => /^https?:\/\//i.test(url), 'must be an http(s) URL');

/** How the token request tells a plain OAuth 2.0 server which realm (user directory) to use. */
export const RealmMapping = z.discriminatedUnion('mode', [
  /** The server has one directory: realms are not sent. */
  z.object({ mode: z.literal('none') }),
  /** An extra form parameter, e.g. `realm=employees` or `connection=employees`. */
  z.object({ mode: z.literal('parameter'), name: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/) }),
  /** `{realm}` inside the token endpoint URL, as Keycloak does (`…/realms/{realm}/protocol/openid-connect/token`). */
  z.object({ mode: z.literal('url-template') }),
]);
export type RealmMapping = z.infer<typeof RealmMapping>;

/** Endpoints given by hand, for servers without discovery. `{realm}` may appear in them (url-template). */
export const ExplicitEndpoints = z.object({
  token: z.string().min(1).max(2048),
  revocation: z.string().max(2048).optional(),
  userinfo: z.string().max(2048).optional(),
  jwks: z.string().max(2048).optional(),
  introspection: z.string().max(2048).optional(),
});
export type ExplicitEndpoints = z.infer<typeof ExplicitEndpoints>;

export const ClientAuthMethod = z.enum(['none', 'client_secret_post', 'client_secret_basic']);
export type ClientAuthMethod = z.infer<typeof ClientAuthMethod>;

/** An e-mail domain, lower case: `example.com`, `contractors.example.org`. */
export const EmailDomain = z
  .string()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a lower-case e-mail domain, such as example.com');

/** Which realm to suggest on the sign-in form for a username at a domain (`bob@example.com` → `example.com`). */
export const RealmsByDomain = z.record(EmailDomain, z.string().min(1).max(128));
export type RealmsByDomain = z.infer<typeof RealmsByDomain>;

const parameterName = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'letters, digits and _ . : - only');
/** Headers we set ourselves, or that carry credentials, cannot be overridden from a profile. */
const reservedHeader = /^(authorization|content-type|content-length|host|cookie|user-agent)$/i;

/**
 * A server profile: which authorization server and client this app signs in with, and how to reach it.
 * It holds no secret: a confidential client's secret lives in the keychain (see `clientSecretAccount`).
 */
export const Profile = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash and underscore only'),
    name: z.string().min(1).max(128),
    /** `auth0`: Auth0's fixed paths and the password-realm grant. `oauth2`: any RFC 6749 server. */
    kind: z.enum(['auth0', 'oauth2']),
    /** The issuer (Auth0: the tenant base URL with a trailing slash). Tokens' `iss` must equal it. */
    issuer: httpUrl.transform((url) => (url.endsWith('/') ? url : `${url}/`)),
    /** oauth2 only: where to find the discovery document; defaults to `<issuer>.well-known/openid-configuration`. */
    discoveryUrl: httpUrl.optional(),
    /** oauth2 only: endpoints by hand; when present, discovery is not used. */
    endpoints: ExplicitEndpoints.optional(),
    clientId: z.string().min(1).max(256),
    clientAuth: ClientAuthMethod.default('none'),
    realms: z.array(z.string().min(1).max(128)).max(100).default([]),
    defaultRealm: z.string().min(1).max(128).nullable().default(null),
    realmMapping: RealmMapping.default({ mode: 'none' }),
    /** Realm suggested on the sign-in form by the username's e-mail domain. The policy's mapping wins. */
    realmsByDomain: RealmsByDomain.default({}),
    /**
     * The ID-token claim that says which accounts may open the Admin tab (a role list or a string). Without it,
     * the demo tenant's `https://gatehouse.test/roles` claim holding `admin` or `support` is used.
     */
    adminClaim: z.string().min(1).max(256).optional(),
    /** Values of `adminClaim` that let an account open the Admin tab. */
    adminClaimValues: z.array(z.string().min(1).max(128)).max(20).optional(),
    audience: z.string().max(2048).optional(),
    scope: z.string().max(4096).default('openid profile email offline_access'),
    /** Extra token-request parameters (Postman-style), never overriding the grant's own. */
    extraParams: z.record(parameterName, z.string().max(2048)).default({}),
    extraHeaders: z
      .record(
        parameterName.refine((name) => !reservedHeader.test(name), 'this header cannot be set'),
        z.string().max(4096),
      )
      .default({}),
    /** A PEM file of extra certificate authorities to trust (a corporate TLS proxy). Added to, never replacing, the system's. */
    caBundlePath: z.string().max(4096).optional(),
    /** An http(s) proxy URL; without it the standard HTTPS_PROXY/NO_PROXY variables apply. */
    proxy: httpUrl.optional(),
    timeoutMs: z.number().int().min(1000).max(120_000).default(15_000),
    /** The API the console may call with the access token; requests anywhere else are refused. */
    apiBaseUrl: httpUrl.optional(),
  })
  .superRefine((profile, context) => {
    if (profile.defaultRealm !== null && profile.realms.length > 0 && !profile.realms.includes(profile.defaultRealm)) {
      context.addIssue({ code: 'custom', path: ['defaultRealm'], message: 'must be one of the realms' });
    }
    if (profile.realmMapping.mode === 'url-template' && !profile.endpoints?.token.includes('{realm}')) {
      context.addIssue({
        code: 'custom',
        path: ['endpoints', 'token'],
        message: 'must contain {realm} for url-template',
      });
    }
  });
export type Profile = z.infer<typeof Profile>;
export type ProfileInput = z.input<typeof Profile>;
