import type { AxiosInstance } from 'axios';
import { appError, type AppError, type AppResult } from '../../common/errors/app-error';
import { DiscoveryDocumentWire } from '../../common/oauth/wire';
import { err, ok } from '../../common/result';
import { parseJsonBody } from '../net/json-body';
import type { Profile, RealmMapping } from '../settings/profile';
import { translateServerError, translateTransportError } from './error-translation';

/** Where the token client sends each request, once a profile's endpoints are known. */
export interface ServerEndpoints {
  /** May contain `{realm}` (realm mapping `url-template`); see `endpointsForRealm`. */
  readonly token: string;
  readonly revocation?: string;
  readonly userinfo?: string;
  readonly jwks?: string;
  readonly introspection?: string;
  /** Base URL of Auth0's MFA API (`…/mfa/`), when the server has one (spec/auth0-wire.md §4). */
  readonly mfa?: string;
}

/** Resolves a profile's endpoints when first needed, so an offline start-up does not fail. */
export type EndpointSource = () => Promise<AppResult<ServerEndpoints>>;

// Issuer → its Auth0 endpoints. The inspector asks on every verification, and five URL parses were a tenth
// of a cached-JWKS verification (scripts/bench/client/jwt-verify.ts). Profiles are few; the cap is a backstop.
const auth0EndpointsByIssuer = new Map<string, ServerEndpoints>();

/** Auth0's fixed paths under the tenant base URL (spec/auth0-wire.md §1, §4, §5). */
export function auth0Endpoints(profile: Pick<Profile, 'issuer'>): ServerEndpoints {
  const known = auth0EndpointsByIssuer.get(profile.issuer);
  if (known !== undefined) return known;
  const at = (path: string) => new URL(path, profile.issuer).toString();
  const endpoints: ServerEndpoints = Object.freeze({
    token: at('oauth/token'),
    revocation: at('oauth/revoke'),
    userinfo: at('userinfo'),
    jwks: at('.well-known/jwks.json'),
    mfa: at('mfa/'),
  });
  if (auth0EndpointsByIssuer.size >= 64) auth0EndpointsByIssuer.clear();
  auth0EndpointsByIssuer.set(profile.issuer, endpoints);
  return endpoints;
}

type EndpointProfile = Pick<Profile, 'id' | 'kind' | 'issuer' | 'discoveryUrl' | 'endpoints'>;

/**
 * A profile's endpoints: Auth0's fixed paths; or for a generic OAuth 2.0 server, the endpoints typed into
 * the profile, else its discovery document (fetched once per profile and cached).
 */
export function resolveEndpoints(
  profile: EndpointProfile,
  discovery: DiscoveryCache,
): Promise<AppResult<ServerEndpoints>> {
  if (profile.kind === 'auth0') return Promise.resolve(ok(auth0Endpoints(profile)));
  if (profile.endpoints !== undefined) {
    const { token, revocation, userinfo, jwks, introspection } = profile.endpoints;
    return Promise.resolve(
      ok({ token, ...optional({ revocation, userinfo, jwks, introspection }) } satisfies ServerEndpoints),
    );
  }
  return discovery.endpoints(profile);
}

/**
 * The endpoints for one realm. With `url-template` (Keycloak: `…/realms/{realm}/protocol/openid-connect/token`)
 * the realm is URL-encoded into every endpoint that names it, so refresh and revocation reach the same
 * realm as sign-in. Other mappings leave the URLs alone.
 */
export function endpointsForRealm(
  endpoints: ServerEndpoints,
  realm: string | null,
  mapping: RealmMapping | undefined,
): AppResult<ServerEndpoints> {
  if (mapping?.mode !== 'url-template') return ok(endpoints);
  if (realm === null) {
    return err(
      appError('invalid_realm', 'This server needs a realm to sign in to.', {
        nextStep: 'Pick a realm from the list.',
      }),
    );
  }
  const fill = (url: string) => url.replaceAll('{realm}', encodeURIComponent(realm));
  const fillOptional = (url: string | undefined) => (url === undefined ? undefined : fill(url));
  return ok({
    token: fill(endpoints.token),
    ...optional({
      revocation: fillOptional(endpoints.revocation),
      userinfo: fillOptional(endpoints.userinfo),
      jwks: fillOptional(endpoints.jwks),
      introspection: fillOptional(endpoints.introspection),
      mfa: fillOptional(endpoints.mfa),
    }),
  });
}

/** Where a generic server's discovery document lives (OIDC Discovery 1.0 §4). */
export function discoveryUrlOf(profile: Pick<Profile, 'issuer' | 'discoveryUrl'>): string {
  return profile.discoveryUrl ?? new URL('.well-known/openid-configuration', profile.issuer).toString();
}

interface CacheEntry {
  readonly url: string;
  readonly fetchedAt: number;
  readonly endpoints: Promise<AppResult<ServerEndpoints>>;
}

/**
 * Discovery documents, one per profile. Concurrent callers share one fetch; a failure is not cached, so
 * the next sign-in tries again; a success is kept for `ttlMs` or until the profile's discovery URL changes.
 */
export class DiscoveryCache {
  readonly #http: AxiosInstance;
  readonly #clock: () => number;
  readonly #ttlMs: number;
  readonly #entries = new Map<string, CacheEntry>();

  constructor(http: AxiosInstance, options: { clock?: () => number; ttlMs?: number } = {}) {
    this.#http = http;
    this.#clock = options.clock ?? Date.now;
    this.#ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  }

  endpoints(profile: Pick<Profile, 'id' | 'issuer' | 'discoveryUrl'>): Promise<AppResult<ServerEndpoints>> {
    const url = discoveryUrlOf(profile);
    const now = this.#clock();
    const cached = this.#entries.get(profile.id);
    if (cached !== undefined && cached.url === url && now - cached.fetchedAt < this.#ttlMs) return cached.endpoints;
    const endpoints = fetchDiscovery(this.#http, url, profile.issuer).then((result) => {
      if (!result.ok && this.#entries.get(profile.id)?.endpoints === endpoints) this.#entries.delete(profile.id);
      return result;
    });
    this.#entries.set(profile.id, { url, fetchedAt: now, endpoints });
    return endpoints;
  }

  /** Forgets a profile's document (after the profile is edited or removed). */
  invalidate(profileId: string): void {
    this.#entries.delete(profileId);
  }
}

async function fetchDiscovery(http: AxiosInstance, url: string, issuer: string): Promise<AppResult<ServerEndpoints>> {
  let status: number;
  let body: string;
  let headers: Record<string, unknown>;
  try {
    const response = await http.get<string>(url);
    ({ status } = response);
    body = typeof response.data === 'string' ? response.data : '';
    headers = response.headers as Record<string, unknown>;
  } catch (error) {
    return err(translateTransportError(error, url));
  }
  if (status !== 200) {
    const cause = translateServerError(status, body, 'discovery', headers);
    return err({ ...discoveryFailed(url, `the server answered HTTP ${status}`), detail: cause.detail });
  }
  const parsed = parseJsonBody(DiscoveryDocumentWire, body);
  if (!parsed.ok) return err(discoveryFailed(url, `the document is not valid (${parsed.reason})`));
  const document = parsed.value;
  // OIDC Discovery §4.3: the document's issuer must be the one we were configured with, or a look-alike
  // server could hand out endpoints for another issuer.
  if (withoutSlash(document.issuer) !== withoutSlash(issuer)) {
    return err(discoveryFailed(url, `it names the issuer ${document.issuer}, not ${issuer}`));
  }
  const endpoints: ServerEndpoints = {
    token: document.token_endpoint,
    jwks: document.jwks_uri,
    ...optional({
      revocation: document.revocation_endpoint,
      userinfo: document.userinfo_endpoint,
      mfa: document.mfa_challenge_endpoint && new URL('./', document.mfa_challenge_endpoint).toString(),
    }),
  };
  // A TLS issuer must not send credentials to plain-HTTP endpoints (RFC 6749 §3.2 requires TLS).
  if (issuer.startsWith('https:') && Object.values(endpoints).some((endpoint) => endpoint.startsWith('http:'))) {
    return err(discoveryFailed(url, 'it sends requests for a secure issuer to plain http:// addresses'));
  }
  return ok(endpoints);
}

function discoveryFailed(url: string, reason: string): AppError {
  return appError('discovery_failed', `The server’s discovery document at ${url} cannot be used: ${reason}.`, {
    nextStep: 'Check the issuer and discovery URL in the server profile, or enter the endpoints by hand.',
  });
}

function withoutSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}

/** Copies only the defined values, so optional endpoints stay absent rather than `undefined`. */
function optional(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
