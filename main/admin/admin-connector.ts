import type { AxiosInstance } from 'axios';
import { decodeJwt } from 'jose';
import type { AdminVia } from '../../common/admin/admin-common.schema';
import { appError, type AppResult } from '../../common/errors/app-error';
import type { AdminAccess } from '../../common/ipc/admin.contract';
import type { SessionSummary } from '../../common/ipc/session.schema';
import { err, ok } from '../../common/result';
import { createProfileTokenClient } from '../auth/profile-token-client';
import { DiscoveryCache } from '../auth/server-endpoints';
import type { Profile } from '../settings/profile';
import { ClientCredentialsCache, sessionCredentials, type SessionTokens } from './management-credentials';
import { managementAudience, ManagementClient } from './management-client';

/** What the connector needs from the session manager: the accounts' summaries and their tokens. */
export interface AdminSessions extends SessionTokens {
  accounts(): SessionSummary[];
  active(): SessionSummary | null;
}

export interface AdminConnectorOptions {
  readonly profile: (profileId: string) => Profile | undefined;
  readonly sessions: AdminSessions;
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
 * signed-in account whose access token is for `<issuer>api/v2/` (the admin's step-up sign-in). M2M: the
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
    const account = managementAccount(this.#options.sessions, this.#options.profile, accountId);
    if (!account.ok) return account;
    const { session, profile } = account.value;
    const http = await this.#options.httpFor(profile);
    if (!http.ok) return http;
    const client = new ManagementClient({
      http: http.value,
      issuer: profile.issuer,
      credentials: sessionCredentials(this.#options.sessions, session.accountId),
      ...this.#clock(),
    });
    const access = (): Promise<AppResult<AdminAccess>> => {
      const fresh = this.#options.sessions.accounts().find((item) => item.accountId === session.accountId) ?? session;
      const claims = fresh.accessTokenClaims ?? {};
      return Promise.resolve(
        ok({
          via: 'session',
          profileId: profile.id,
          issuer: profile.issuer,
          audience: managementAudience(profile.issuer),
          accountId: fresh.accountId,
          subject: fresh.user.sub,
          scopes: scopesOf(fresh.scope, claims['permissions']),
          expiresAt: fresh.expiresAt,
        }),
      );
    };
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
      const claims = safeClaims(token.value);
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

/** The admin pane speaks Auth0's Management API, which generic OAuth 2.0 servers do not have. */
function checkAdminProfile(profile: Profile): AppResult<Profile> {
  if (profile.kind === 'auth0') return ok(profile);
  return err(
    appError(
      'invalid_request',
      `The profile “${profile.name}” is a generic OAuth 2.0 server without Auth0’s Management API.`,
      {
        nextStep: 'Use an Auth0 (or Gatehouse reference server) profile for the admin pane.',
      },
    ),
  );
}

/**
 * The signed-in account to administer with: the one named, else the active account if its access token
 * is for the Management API, else the first account that has such a token.
 */
export function managementAccount(
  sessions: Pick<AdminSessions, 'accounts' | 'active'>,
  profileOf: (profileId: string) => Profile | undefined,
  accountId: string | undefined,
): AppResult<{ session: SessionSummary; profile: Profile }> {
  const accounts = sessions.accounts();
  const isForManagement = (session: SessionSummary) => {
    const profile = profileOf(session.profileId);
    return profile !== undefined && audiencesOf(session).includes(managementAudience(profile.issuer));
  };
  const active = sessions.active();
  const session =
    accountId !== undefined
      ? accounts.find((item) => item.accountId === accountId)
      : active !== null && isForManagement(active)
        ? active
        : accounts.find(isForManagement);
  const profile = session === undefined ? undefined : profileOf(session.profileId);
  if (session === undefined || profile === undefined) {
    const others = accounts.map((account) => account.username);
    return err(
      appError(
        'not_signed_in',
        others.length === 0
          ? 'No one is signed in to the admin pane.'
          : `No one is signed in to the admin pane: ${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} not signed in to the Management API.`,
        { nextStep: 'Sign in with an admin account and the Management API (`<issuer>api/v2/`) as the audience.' },
      ),
    );
  }
  const usable = checkAdminProfile(profile);
  if (!usable.ok) return usable;
  if (!isForManagement(session)) {
    return err(
      appError('not_signed_in', `The account ${session.username} is not signed in to the Management API.`, {
        nextStep: `Sign in again with ${managementAudience(profile.issuer)} as the audience.`,
      }),
    );
  }
  return ok({ session, profile });
}

function audiencesOf(session: SessionSummary): string[] {
  const aud = session.accessTokenClaims?.['aud'];
  if (typeof aud === 'string') return [aud];
  if (Array.isArray(aud)) return aud.filter((item): item is string => typeof item === 'string');
  return session.audience === undefined ? [] : [session.audience];
}

/** The token's `scope` (space-separated) together with Auth0's RBAC `permissions` claim, once each. */
function scopesOf(scope: unknown, permissions: unknown): string[] {
  const fromScope = typeof scope === 'string' ? scope.split(' ').filter((item) => item !== '') : [];
  const fromPermissions = Array.isArray(permissions)
    ? permissions.filter((item): item is string => typeof item === 'string')
    : [];
  return [...new Set([...fromScope, ...fromPermissions])];
}

function safeClaims(token: string): Record<string, unknown> {
  try {
    return decodeJwt(token);
  } catch {
    return {};
  }
}
