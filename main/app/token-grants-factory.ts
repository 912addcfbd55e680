import type { AppResult } from '../../common/errors/app-error';
import { appError } from '../../common/errors/app-error';
import { err } from '../../common/result';
import { auth0Endpoints } from '../auth/server-endpoints';
import { TokenClient, type ClientAuth, type PasswordGrantInput, type TokenGrants } from '../auth/token-client';
import type { TokenSet } from '../auth/token-set';
import { createHttpClient } from '../net/http-client';
import type { SecretStore } from '../secrets/secret-store';
import { clientSecretAccount, type Profile } from '../settings/profile';

export interface TokenGrantsDependencies {
  readonly secretStore: SecretStore;
  readonly userAgent: string;
}

/**
 * Builds the token client for a profile. A confidential client's secret is read from the keychain on
 * each use (not cached in settings or memory beyond the call), so rotating it needs no restart.
 */
export function createTokenGrants(profile: Profile, deps: TokenGrantsDependencies): TokenGrants {
  const endpoints = auth0Endpoints(profile);
  const http = createHttpClient({ userAgent: deps.userAgent, timeoutMs: profile.timeoutMs });
  const clientFor = (clientAuth: ClientAuth) =>
    new TokenClient({
      http,
      tokenEndpoint: endpoints.token,
      ...(endpoints.revocation === undefined ? {} : { revocationEndpoint: endpoints.revocation }),
      clientId: profile.clientId,
      clientAuth,
    });
  if (profile.clientAuth === 'none') return clientFor({ method: 'none' });

  const method = profile.clientAuth;
  const withSecret = async <T>(run: (client: TokenClient) => Promise<AppResult<T>>): Promise<AppResult<T>> => {
    let secret: string | null;
    try {
      secret = await deps.secretStore.get(clientSecretAccount(profile.id));
    } catch {
      return err(
        appError('keychain_unavailable', 'The client secret is kept in the keychain, which is not available.'),
      );
    }
    if (secret === null) {
      return err(
        appError('unauthorized_client', `The profile “${profile.name}” needs a client secret.`, {
          nextStep: 'Enter the client secret in Settings.',
        }),
      );
    }
    return run(clientFor({ method, secret }));
  };
  return {
    passwordGrant: (input: PasswordGrantInput): Promise<AppResult<TokenSet>> =>
      withSecret((c) => c.passwordGrant(input)),
    refresh: (refreshToken: string, scope?: string) => withSecret((c) => c.refresh(refreshToken, scope)),
    revoke: (refreshToken: string) => withSecret((c) => c.revoke(refreshToken)),
  };
}
