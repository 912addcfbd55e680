import type { Grant, GrantDependencies } from './grant';
import { passwordGrant } from './password';
import { passwordRealmGrant } from './password-realm';
import { refreshTokenGrant } from './refresh-token';

/** The grants `/oauth/token` answers, by `grant_type`. */
export interface GrantRegistry {
  find(grantType: string): Grant | undefined;
  /** For discovery's `grant_types_supported`. */
  supported(): readonly string[];
}

/** Builds the registry. Issue #3 adds its grants to the list below. */
export function createGrantRegistry(deps: GrantDependencies): GrantRegistry {
  const grants = new Map<string, Grant>(
    [passwordGrant(deps), passwordRealmGrant(deps), refreshTokenGrant(deps)].map((grant) => [grant.type, grant]),
  );
  return {
    find: (grantType) => grants.get(grantType),
    supported: () => [...grants.keys()],
  };
}
