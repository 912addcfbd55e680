import type { AxiosInstance } from 'axios';
import { appError, type AppResult } from '../../common/errors/app-error';
import { err, ok } from '../../common/result';
import type { Profile } from '../settings/profile';
import type { ClientAuth } from './oauth-transport';
import type { Sleeper } from './oob-poller';
import { resolveEndpoints, type DiscoveryCache } from './server-endpoints';
import { TokenClient } from './token-client';

export interface ProfileTokenClientOptions {
  /** From `createProfileHttpClient(profile, …)`: the profile's proxy, CA bundle and timeout. */
  readonly http: AxiosInstance;
  /** Shared by every client of the app, so each profile's discovery document is fetched once. */
  readonly discovery: DiscoveryCache;
  /** The confidential client's secret, read from the keychain by the caller (`clientSecretAccount`). */
  readonly clientSecret?: string | null;
  readonly clock?: () => number;
  readonly sleep?: Sleeper;
}

/**
 * The token client for one server profile: its kind, endpoints (fixed, explicit or discovered), realm
 * mapping, client authentication, and extra parameters and headers. Fails when the profile needs a client
 * secret and none was given, before anything is sent.
 */
export function createProfileTokenClient(profile: Profile, options: ProfileTokenClientOptions): AppResult<TokenClient> {
  const clientAuth = clientAuthOf(profile, options.clientSecret);
  if (!clientAuth.ok) return clientAuth;
  return ok(
    new TokenClient({
      http: options.http,
      clientId: profile.clientId,
      clientAuth: clientAuth.value,
      endpoints: () => resolveEndpoints(profile, options.discovery),
      kind: profile.kind,
      realmMapping: profile.realmMapping,
      extraParams: profile.extraParams,
      extraHeaders: profile.extraHeaders,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
      ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
    }),
  );
}

function clientAuthOf(profile: Profile, secret: string | null | undefined): AppResult<ClientAuth> {
  if (profile.clientAuth === 'none') return ok({ method: 'none' });
  if (secret === undefined || secret === null || secret === '') {
    return err(
      appError('unauthorized_client', `The server profile “${profile.name}” needs a client secret.`, {
        nextStep: 'Enter the client secret in Settings; it is kept in the system keychain.',
      }),
    );
  }
  return ok({ method: profile.clientAuth, secret });
}
