import { TokenClient } from '../auth/token-client';
import { createIpcHandlers } from '../ipc/ipc-handlers';
import { createIpcRouter, trustOrigin, type IpcRouter } from '../ipc/ipc-router';
import { createHttpClient } from '../net/http-client';
import type { SecretStore } from '../secrets/secret-store';
import { SessionManager } from '../session/session-manager';
import { auth0Endpoints } from '../auth/server-endpoints';
import type { Profile } from '../settings/profile';

export interface DesktopServicesOptions {
  readonly profile: Profile;
  readonly secretStore: SecretStore;
  /** The renderer's origin; IPC from anywhere else is refused. */
  readonly trustedOrigin: string;
  readonly userAgent: string;
}

export interface DesktopServices {
  readonly sessions: SessionManager;
  readonly router: IpcRouter;
}

/**
 * Builds main's services for one profile. The Electron shell and the e2e bridge both call this, so the
 * browser test drives exactly the router and session manager the app ships.
 */
export function createDesktopServices(options: DesktopServicesOptions): DesktopServices {
  const endpoints = auth0Endpoints(options.profile);
  const tokenClient = new TokenClient({
    http: createHttpClient({ userAgent: options.userAgent }),
    tokenEndpoint: endpoints.token,
    revocationEndpoint: endpoints.revocation,
    clientId: options.profile.clientId,
    clientAuth: { method: 'none' },
  });
  const sessions = new SessionManager({ profile: options.profile, tokenClient, secretStore: options.secretStore });
  const router = createIpcRouter(
    createIpcHandlers({ profile: options.profile, sessions }),
    trustOrigin(options.trustedOrigin),
  );
  return { sessions, router };
}
