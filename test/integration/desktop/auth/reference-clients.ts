import type { AxiosInstance } from 'axios';
import type { Sleeper } from '../../../../main/auth/oob-poller';
import { createProfileTokenClient } from '../../../../main/auth/profile-token-client';
import { DiscoveryCache } from '../../../../main/auth/server-endpoints';
import type { TokenClient } from '../../../../main/auth/token-client';
import { createHttpClient } from '../../../../main/net/http-client';
import { Profile, type ProfileInput } from '../../../../main/settings/profile';

/** One HTTP client and discovery cache for a test file, as the app shares them between profiles. */
export function testNetwork(): { http: AxiosInstance; discovery: DiscoveryCache } {
  const http = createHttpClient({ userAgent: 'Gatehouse/test (integration)', timeoutMs: 10_000 });
  return { http, discovery: new DiscoveryCache(http) };
}

/**
 * The real token client for a profile built from `fields`, through the same factory the app uses, with
 * the client secret passed in as the app passes it from the keychain.
 */
export function clientFor(
  network: { http: AxiosInstance; discovery: DiscoveryCache },
  fields: Partial<ProfileInput> & Pick<ProfileInput, 'issuer' | 'clientId'>,
  clientSecret?: string,
  extra: { clock?: () => number; sleep?: Sleeper } = {},
): TokenClient {
  const profile = Profile.parse({ id: 'p', name: 'Test profile', kind: 'auth0', ...fields });
  const client = createProfileTokenClient(profile, { ...network, clientSecret: clientSecret ?? null, ...extra });
  if (!client.ok) throw new Error(client.error.message);
  return client.value;
}
