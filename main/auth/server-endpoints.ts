import type { Profile } from '../settings/profile';

/** Where the token client sends each request, once a profile's endpoints are known. */
export interface ServerEndpoints {
  readonly token: string;
  readonly revocation?: string;
  readonly userinfo?: string;
  readonly jwks?: string;
  readonly introspection?: string;
}

/** Auth0's fixed paths under the tenant base URL (spec/auth0-wire.md §1, §5). */
export function auth0Endpoints(profile: Pick<Profile, 'issuer'>): ServerEndpoints {
  const at = (path: string) => new URL(path, profile.issuer).toString();
  return {
    token: at('oauth/token'),
    revocation: at('oauth/revoke'),
    userinfo: at('userinfo'),
    jwks: at('.well-known/jwks.json'),
  };
}
