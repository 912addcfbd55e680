import { clientCredentialsGrant } from './client-credentials';
import type { Grant, GrantDependencies } from './grant';
import { passwordGrant } from './password';
import { passwordRealmGrant } from './password-realm';
import { refreshTokenGrant } from './refresh-token';
import { mfaOobGrant } from './mfa-oob';
import { mfaOtpGrant } from './mfa-otp';
import { mfaRecoveryCodeGrant } from './mfa-recovery-code';

/** Issue #4's grants: the second factor of the password grant (auth0-wire.md §4.5). */
const mfaGrants = (deps: GrantDependencies) => [mfaOtpGrant(deps), mfaOobGrant(deps), mfaRecoveryCodeGrant(deps)];

/** The grants `/oauth/token` answers, by `grant_type`. */
export interface GrantRegistry {
  find(grantType: string): Grant | undefined;
  /** For discovery's `grant_types_supported`. */
  supported(): readonly string[];
}

/** Builds the registry. Issue #3 adds its grants to the list below. */
export function createGrantRegistry(deps: GrantDependencies): GrantRegistry {
  const grants = new Map<string, Grant>(
    [
      passwordGrant(deps),
      passwordRealmGrant(deps),
      refreshTokenGrant(deps),
      clientCredentialsGrant(deps),
      ...mfaGrants(deps),
    ].map((grant) => [grant.type, grant]),
  );
  return {
    find: (grantType) => grants.get(grantType),
    supported: () => [...grants.keys()],
  };
}
