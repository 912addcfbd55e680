import type { AxiosInstance } from 'axios';
import type { AdminVia } from '../../common/admin/admin-common.schema';
import { appError, type AppResult } from '../../common/errors/app-error';
import type { AdminAccess } from '../../common/ipc/admin.contract';
import { err, ok } from '../../common/result';
import { createProfileTokenClient } from '../auth/profile-token-client';
import { DiscoveryCache } from '../auth/server-endpoints';
import type { Profile } from '../settings/profile';
import { decodeClaims } from '../session/session-summary';
import { checkAdminProfile, scopesOf } from './admin-access';
import type { AdminStepUp } from './admin-step-up';
import { ClientCredentialsCache } from './management-credentials';
import { managementAudience } from '../auth/management-audience';
import { ManagementClient } from './management-client';

export interface AdminConnectorOptions {
  readonly profile: (profileId: string) => Profile | undefined;
  /** The admins' step-up credentials (main/admin/admin-step-up.ts); everyday sessions are never used. */
  readonly stepUp: AdminStepUp;
  /** The profile's HTTP client: its proxy, CA bundles and timeout (main/net/profile-http-client.ts). */
  readonly httpFor: (profile: Profile) => Promise<AppResult<AxiosInstance>>;
  /** The M2M client's secret, read when a token is needed (the keychain's `client-secret:<profileId>`). */
  readonly clientSecret: (profile: Profile) => Promise<AppResult<string>>;
  readonly clock?: () => number;
}

/** A Management API client bound to one profile and one set of credentials. */
export interface AdminConnection {
  readonly client: ManagementClient;
  readonly profile: Profile;
  /** What these credentials may do, for the pane (no token). */
  access(): Promise<AppResult<AdminAccess>>;
}

/**
 * Chooses credentials for an admin call and builds the Management API client for them. Session: the
 * admin's step-up, a separate short-lived Management API token (never the everyday session's). M2M: the
 * profile's confidential client with `client_credentials`; its tokens are cached in memory per profile
 * and client, never stored.
 */
export class AdminConnector {
  readonly #options: AdminConnectorOptions;
  readonly #m2m = new Map<string, ClientCredentialsCache>();

  constructor(options: AdminConnectorOptions) {
    this.#options = options;
  }

  async connect(via: AdminVia = { kind: 'session' }): Promise<AppResult<AdminConnection>> {
    return via.kind === 'm2m' ? this.#m2mConnection(via.profileId) : this.#sessionConnection(via.accountId);
  }

  async #sessionConnection(accountId: string | undefined): Promise<AppResult<AdminConnection>> {
    const { stepUp } = this.#options;
    const resolved = stepUp.resolve(accountId);
    if (!resolved.ok) return resolved;
    const profile = this.#options.profile(resolved.value.profileId);
    if (profile === undefined) {
      return err(appError('not_found', `There is no server profile named “${resolved.value.profileId}”.`));
    }
    const http = await this.#options.httpFor(profile);
    if (!http.ok) return http;
    const client = new ManagementClient({
      http: http.value,
      issuer: profile.issuer,
      credentials: stepUp.credentials(resolved.value.accountId),
      ...this.#clock(),
    });
    const access = (): Promise<AppResult<AdminAccess>> => Promise.resolve(stepUp.access(resolved.value.accountId));
    return ok({ client, profile, access });
  }

  async #m2mConnection(profileId: string): Promise<AppResult<AdminConnection>> {
    const profile = this.#options.profile(profileId);
    if (profile === undefined) return err(appError('not_found', `There is no server profile named “${profileId}”.`));
    const usable = checkAdminProfile(profile);
    if (!usable.ok) return usable;
    if (profile.clientAuth === 'none') {
      return err(
        appError(
          'unauthorized_client',
          `The profile “${profile.name}” has a public client, which cannot act on its own.`,
          {
            nextStep: 'Use a profile for a machine-to-machine client with a client secret (e.g. gatehouse-admin-m2m).',
          },
        ),
      );
    }
    const http = await this.#options.httpFor(profile);
    if (!http.ok) return http;
    const cache = this.#m2mCache(profile, http.value);
    const client = new ManagementClient({
      http: http.value,
      issuer: profile.issuer,
      credentials: cache.credentials(),
      ...this.#clock(),
    });
    const access = async (): Promise<AppResult<AdminAccess>> => {
      const token = await cache.token();
      if (!token.ok) return token;
      const claims = decodeClaims(token.value) ?? {};
      return ok({
        via: 'm2m',
        profileId: profile.id,
        issuer: profile.issuer,
        audience: managementAudience(profile.issuer),
        subject: typeof claims['sub'] === 'string' ? claims['sub'] : `${profile.clientId}@clients`,
        scopes: scopesOf(cache.scope ?? claims['scope'], claims['permissions']),
        ...(typeof claims['exp'] === 'number' ? { expiresAt: claims['exp'] * 1000 } : {}),
      });
    };
    return ok({ client, profile, access });
  }

  /** One token cache per profile, client and issuer, so editing the profile starts afresh. */
  #m2mCache(profile: Profile, http: AxiosInstance): ClientCredentialsCache {
    const key = JSON.stringify([profile.id, profile.issuer, profile.clientId, profile.clientAuth]);
    let cache = this.#m2m.get(key);
    if (cache === undefined) {
      const discovery = new DiscoveryCache(http);
      cache = new ClientCredentialsCache(async () => {
        const secret = await this.#options.clientSecret(profile);
        if (!secret.ok) return secret;
        const tokens = createProfileTokenClient(profile, { http, discovery, clientSecret: secret.value });
        if (!tokens.ok) return tokens;
        return tokens.value.clientCredentials({ audience: managementAudience(profile.issuer) });
      }, this.#options.clock);
      this.#m2m.set(key, cache);
    }
    return cache;
  }

  #clock(): { clock?: () => number } {
    return this.#options.clock === undefined ? {} : { clock: this.#options.clock };
  }
}
