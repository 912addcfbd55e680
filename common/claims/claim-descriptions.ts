/**
 * Plain-words explanations of JWT claims, shared by the desktop screens and the `gatehouse inspect` command.
 * Pure data and string logic: no DOM, no Node, so every part of the app can import it.
 */

/** Where a claim's meaning is defined, so support staff know which document to read. */
export type ClaimSource = 'jwt' | 'oidc' | 'oauth' | 'auth0' | 'custom';

export interface ClaimDescription {
  /** The claim's name as it appears in the token. */
  readonly name: string;
  /** One short sentence a non-specialist can read. */
  readonly meaning: string;
  readonly source: ClaimSource;
  /** True when the value is a time: NumericDate seconds (RFC 7519 §2) or, for Auth0's `updated_at`, ISO 8601. */
  readonly isTime: boolean;
}

type Entry = Omit<ClaimDescription, 'name' | 'isTime'> & { readonly isTime?: boolean };

// Registered claims: RFC 7519 §4.1 (jwt), OpenID Connect Core §2 and §5.1 (oidc), RFC 8693 / RFC 9068 (oauth),
// and the claims Auth0 adds to its tokens (auth0).
const registered: Readonly<Record<string, Entry>> = {
  iss: { source: 'jwt', meaning: 'Issuer: the authorization server that created and signed this token.' },
  sub: { source: 'jwt', meaning: 'Subject: the stable, unique id of the user (or app) this token is about.' },
  aud: { source: 'jwt', meaning: 'Audience: who this token is meant for; anyone else must refuse it.' },
  exp: { source: 'jwt', isTime: true, meaning: 'Expires: after this moment the token must not be accepted.' },
  nbf: { source: 'jwt', isTime: true, meaning: 'Not before: the token must not be accepted before this moment.' },
  iat: { source: 'jwt', isTime: true, meaning: 'Issued at: when the server created this token.' },
  jti: { source: 'jwt', meaning: 'Token id: a unique id for this token, used to detect replays.' },
  azp: { source: 'oidc', meaning: 'Authorized party: the client app the token was issued to.' },
  auth_time: { source: 'oidc', isTime: true, meaning: 'Authentication time: when the user last entered a password.' },
  nonce: {
    source: 'oidc',
    meaning: 'Nonce: a one-time value that ties the ID token to the request that asked for it.',
  },
  at_hash: {
    source: 'oidc',
    meaning: 'Access token hash: lets the app check the access token came with this ID token.',
  },
  c_hash: { source: 'oidc', meaning: 'Code hash: lets the app check the authorization code came with this ID token.' },
  acr: { source: 'oidc', meaning: 'Authentication context: how strongly the user was authenticated.' },
  amr: { source: 'oidc', meaning: 'Authentication methods: how the user proved who they are (password, OTP, …).' },
  sid: { source: 'oidc', meaning: 'Session id: the server-side login session this token belongs to.' },
  name: { source: 'oidc', meaning: 'Full name of the user, for display.' },
  given_name: { source: 'oidc', meaning: 'Given (first) name of the user.' },
  family_name: { source: 'oidc', meaning: 'Family (last) name of the user.' },
  nickname: { source: 'oidc', meaning: 'Casual name of the user; Auth0 uses the part of the e-mail before the @.' },
  preferred_username: { source: 'oidc', meaning: 'The username the user prefers to be shown.' },
  email: { source: 'oidc', meaning: 'E-mail address of the user.' },
  email_verified: { source: 'oidc', meaning: 'Whether the user has proved they own that e-mail address.' },
  phone_number: { source: 'oidc', meaning: 'Phone number of the user.' },
  phone_number_verified: { source: 'oidc', meaning: 'Whether the user has proved they own that phone number.' },
  picture: { source: 'oidc', meaning: 'Address of the user’s profile picture.' },
  locale: { source: 'oidc', meaning: 'The user’s language and region, such as en-GB.' },
  zoneinfo: { source: 'oidc', meaning: 'The user’s time zone, such as Europe/Paris.' },
  updated_at: { source: 'oidc', isTime: true, meaning: 'When the user’s profile was last changed.' },
  scope: { source: 'oauth', meaning: 'Scope: what this token allows the app to do, as space-separated permissions.' },
  client_id: { source: 'oauth', meaning: 'The client app the token was issued to.' },
  permissions: { source: 'auth0', meaning: 'API permissions granted to the user through roles (Auth0 RBAC).' },
  gty: { source: 'auth0', meaning: 'Grant type: how this token was obtained, for example with a password.' },
  org_id: { source: 'auth0', meaning: 'The Auth0 organization the user signed in to.' },
};

/** Claim names with a registered meaning, in the order above (the usual order in a token). */
export const registeredClaimNames: readonly string[] = Object.keys(registered);

const customMeaning = 'Custom claim added by a rule or action.';

/**
 * Auth0 asks that custom claims be namespaced with a URL or URN (`https://example.com/roles`) so they never
 * collide with registered claims: https://auth0.com/docs/secure/tokens/json-web-tokens/create-custom-claims
 */
export function isNamespacedClaim(name: string): boolean {
  return /^(https?:\/\/|urn:)/i.test(name) || (name.includes('/') && !name.startsWith('/'));
}

/** The explanation for one claim, or undefined when the claim is neither registered nor namespaced. */
export function describeClaim(name: string): ClaimDescription | undefined {
  // Own-property check so that names like `constructor` or `__proto__` in a pasted token are not "registered".
  if (Object.hasOwn(registered, name)) {
    const entry = registered[name] as Entry;
    return { name, meaning: entry.meaning, source: entry.source, isTime: entry.isTime ?? false };
  }
  if (isNamespacedClaim(name)) {
    return { name, meaning: customMeaning, source: 'custom', isTime: false };
  }
  return undefined;
}

/** Whether a claim holds a time, so screens can show a readable date beside the raw value. */
export function isTimeClaim(name: string): boolean {
  return describeClaim(name)?.isTime ?? false;
}
