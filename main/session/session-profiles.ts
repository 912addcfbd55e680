import type { SignInGrants, TokenGrants } from '../auth/token-client';
import type { Profile } from '../settings/profile';

/** A profile and the token client that speaks to its server. */
export interface ProfileConnection {
  readonly profile: Profile;
  /** The real token client also offers `signIn` (with its MFA outcome) and `mfa`; simple fakes may not. */
  readonly grants: TokenGrants & Partial<Pick<SignInGrants, 'signIn' | 'mfa'>>;
}

/** The profiles sessions can belong to. The app builds it from settings; tests from a fixed list. */
export interface SessionProfiles {
  get(profileId: string): ProfileConnection | undefined;
  ids(): readonly string[];
}

/** A fixed set of profiles (the CLI's one profile, tests). */
export function fixedProfiles(connections: readonly ProfileConnection[]): SessionProfiles {
  const byId = new Map(connections.map((connection) => [connection.profile.id, connection]));
  return { get: (profileId) => byId.get(profileId), ids: () => [...byId.keys()] };
}
