import type { AxiosInstance } from 'axios';
import { appError, type AppResult } from '../../common/errors/app-error';
import { err } from '../../common/result';
import type { MfaGrants } from '../auth/mfa-client';
import { createProfileTokenClient } from '../auth/profile-token-client';
import { DiscoveryCache } from '../auth/server-endpoints';
import type { SignInGrants, TokenClient } from '../auth/token-client';
import { createProfileHttpClient } from '../net/profile-http-client';
import type { SecretStore } from '../secrets/secret-store';
import { clientSecretAccount, type Profile } from '../settings/profile';

export interface TokenGrantsDependencies {
  readonly secretStore: SecretStore;
  readonly userAgent: string;
  /** Extra CA bundles from the managed policy, trusted for every profile. */
  readonly policyCaBundlePaths?: readonly string[];
}

/**
 * The token client for one profile, behind the session manager's port: the profile's proxy, CA bundles,
 * endpoints (fixed, explicit or discovered), realm mapping and client authentication. A confidential
 * client's secret is read from the keychain for each call, never kept in settings or cached here.
 */
export function createTokenGrants(profile: Profile, deps: TokenGrantsDependencies): SignInGrants {
  let http: Promise<AppResult<AxiosInstance>> | undefined;
  // One discovery cache per profile client, so discovery also goes through the profile's proxy and CAs.
  // An edited profile gets new grants, and with them a fresh cache.
  let discovery: DiscoveryCache | undefined;
  const client = async (): Promise<AppResult<TokenClient>> => {
    http ??= createProfileHttpClient(profile, {
      userAgent: deps.userAgent,
      ...(deps.policyCaBundlePaths === undefined ? {} : { policyCaBundlePaths: deps.policyCaBundlePaths }),
    });
    const ready = await http;
    if (!ready.ok) {
      http = undefined; // a CA bundle may be fixed on disk; try again next time
      return ready;
    }
    let clientSecret: string | null = null;
    if (profile.clientAuth !== 'none') {
      try {
        clientSecret = await deps.secretStore.get(clientSecretAccount(profile.id));
      } catch {
        return err(
          appError('keychain_unavailable', 'The client secret is kept in the keychain, which is not available.'),
        );
      }
    }
    discovery ??= new DiscoveryCache(ready.value);
    return createProfileTokenClient(profile, { http: ready.value, discovery, clientSecret });
  };
  const via = async <T>(run: (tokenClient: TokenClient) => Promise<AppResult<T>>): Promise<AppResult<T>> => {
    const ready = await client();
    return ready.ok ? run(ready.value) : ready;
  };
  const mfa: MfaGrants = {
    authenticators: (pending) => via((c) => c.mfa.authenticators(pending)),
    associate: (pending, request) => via((c) => c.mfa.associate(pending, request)),
    challenge: (pending, choice) => via((c) => c.mfa.challenge(pending, choice)),
    otpGrant: (pending, otp) => via((c) => c.mfa.otpGrant(pending, otp)),
    oobGrant: (pending, oobCode, bindingCode) => via((c) => c.mfa.oobGrant(pending, oobCode, bindingCode)),
    pollOob: (pending, oobCode, options) => via((c) => c.mfa.pollOob(pending, oobCode, options)),
    recoveryCodeGrant: (pending, code) => via((c) => c.mfa.recoveryCodeGrant(pending, code)),
  };
  return {
    passwordGrant: (input) => via((c) => c.passwordGrant(input)),
    signIn: (input) => via((c) => c.signIn(input)),
    refresh: (refreshToken, scope, realm) => via((c) => c.refresh(refreshToken, scope, realm)),
    revoke: (refreshToken, realm) => via((c) => c.revoke(refreshToken, realm)),
    mfa,
  };
}
