import type { AppResult } from '../../common/errors/app-error';
import { createProfileHttpClient } from '../net/profile-http-client';
import type { SecretStore } from '../secrets/secret-store';
import { clientSecretAccount } from '../settings/profile';
import type { SettingsService } from '../settings/settings-service';
import { InspectService, type SessionTokenLookup } from './inspect-service';
import { Inspector } from './inspector';
import type { TokenAnatomy } from './token-anatomy';

/** What the inspector needs from the session manager: the tokens it holds in memory, never persisted. */
export interface SessionTokenSource {
  /** A usable access token (renewed first if it had expired). */
  accessToken(accountId?: string): Promise<AppResult<string>>;
  /** The ID token, when the session manager offers it. */
  idToken?(accountId?: string): string | null;
  /** The decoded access token before the last refresh, when the session manager keeps it. */
  previousAccessToken?(accountId?: string): Pick<TokenAnatomy, 'header' | 'claims'> | null;
  /** The active account, if any. */
  active(): { readonly accountId: string } | null;
}

/**
 * Reads the current session's tokens for `inspect:*` calls. The access token comes through the session
 * manager's own accessor, so an expired one is renewed rather than shown as expired. An ID token is
 * available once the session manager exposes `idToken(accountId?)`; until then it is reported as absent.
 */
export function sessionTokenLookup(sessions: SessionTokenSource): SessionTokenLookup {
  return async (ref) => {
    if (ref.which === 'id') return sessions.idToken?.(ref.accountId) ?? null;
    const token = await sessions.accessToken(ref.accountId);
    return token.ok ? token.value : null;
  };
}

export interface InspectWiring {
  readonly settings: Pick<SettingsService, 'profile' | 'activeProfile' | 'policy'>;
  readonly sessions: SessionTokenSource;
  readonly secretStore: Pick<SecretStore, 'get'>;
  readonly userAgent: string;
  readonly clock?: () => number;
  readonly logTail?: (count: number) => readonly string[];
}

/**
 * The inspector as the app runs it: each profile's own HTTP client (proxy, CA bundle and the policy's CA
 * bundles), client secrets from the keychain for introspection, and profiles from the settings.
 */
export function createInspectService({
  settings,
  sessions,
  secretStore,
  userAgent,
  clock,
  logTail,
}: InspectWiring): InspectService {
  const inspector = new Inspector({
    httpFor: (profile) =>
      createProfileHttpClient(profile, { userAgent, policyCaBundlePaths: settings.policy.caBundlePaths }),
    clientSecret: (profile) => secretStore.get(clientSecretAccount(profile.id)),
    ...(clock === undefined ? {} : { clock }),
  });
  return new InspectService({
    inspector,
    profileFor: (profileId) =>
      (profileId === undefined ? settings.activeProfile() : settings.profile(profileId)) ?? null,
    sessionToken: sessionTokenLookup(sessions),
    previousToken: (accountId) => sessions.previousAccessToken?.(accountId) ?? null,
    activeAccountId: () => sessions.active()?.accountId ?? null,
    ...(logTail === undefined ? {} : { logTail }),
  });
}
