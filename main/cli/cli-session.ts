import { TokenClient } from '../auth/token-client';
import { createHttpClient } from '../net/http-client';
import type { SecretStore } from '../secrets/secret-store';
import { SessionManager } from '../session/session-manager';
import { auth0Endpoints } from '../auth/server-endpoints';
import type { Profile } from '../settings/profile';
import { userAgent } from '../app/user-agent';

/** The same session manager the app uses, for one profile, without a window. */
export function createCliSessions(profile: Profile, secretStore: SecretStore): SessionManager {
  const endpoints = auth0Endpoints(profile);
  const tokenClient = new TokenClient({
    http: createHttpClient({
      userAgent: userAgent(process.env.npm_package_version ?? '0.1.0', `cli; node ${process.version}`),
    }),
    tokenEndpoint: endpoints.token,
    revocationEndpoint: endpoints.revocation,
    clientId: profile.clientId,
    clientAuth: { method: 'none' },
  });
  return new SessionManager({ profile, tokenClient, secretStore });
}
