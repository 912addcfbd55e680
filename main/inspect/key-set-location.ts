import type { AxiosInstance } from 'axios';
import { appError, type AppResult } from '../../common/errors/app-error';
import { err, ok } from '../../common/result';
import { endpointsForRealm, type ServerEndpoints } from '../auth/server-endpoints';
import type { Profile } from '../settings/profile';

/** Where the configured issuer publishes its signing keys and (optionally) token introspection. */
export interface ServerKeyLocations {
  readonly keySetUrl: string;
  readonly introspectionUrl: string | null;
}

/** Those locations, with the profile's HTTP client to reach them through. */
export interface ServerReach extends ServerKeyLocations {
  readonly http: AxiosInstance;
  /** A token meant only for this endpoint is one this app asked for (no API audience). */
  readonly userinfoUrl: string | null;
}

/**
 * Picks the JWKS and introspection addresses out of a profile's resolved endpoints (main/auth/
 * server-endpoints.ts: Auth0's `<issuer>.well-known/jwks.json`, a generic server's `endpoints.jwks` or
 * discovery's `jwks_uri`). A Keycloak-style `{realm}` template is filled with the session's realm.
 */
export function keyLocations(
  profile: Pick<Profile, 'name' | 'realmMapping'>,
  endpoints: ServerEndpoints,
  realm: string | undefined,
): AppResult<ServerKeyLocations> {
  if (profile.realmMapping.mode === 'url-template' && realm === undefined && endpoints.jwks?.includes('{realm}')) {
    return err(
      appError('invalid_realm', 'This server keeps separate keys for each realm, and no realm was given.', {
        nextStep: 'Inspect a token from a signed-in session, so its realm is known.',
      }),
    );
  }
  const filled = endpointsForRealm(endpoints, realm ?? null, realm === undefined ? undefined : profile.realmMapping);
  if (!filled.ok) return filled;
  if (filled.value.jwks === undefined) {
    return err(
      appError('invalid_input', `The profile “${profile.name}” names no key set (JWKS) address.`, {
        nextStep: 'Add the JWKS URL to the profile, or use the server’s discovery document.',
      }),
    );
  }
  return ok({ keySetUrl: filled.value.jwks, introspectionUrl: filled.value.introspection ?? null });
}
