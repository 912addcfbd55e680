/**
 * Which scopes a password login gets (auth0-wire.md §1.5). Pure, so every rule has a unit test.
 */

/** The OIDC scopes this server understands, in the order they are echoed. */
export const oidcScopes = ['openid', 'profile', 'email', 'offline_access'] as const;
export type OidcScope = (typeof oidcScopes)[number];

const oidcScopeSet: ReadonlySet<string> = new Set(oidcScopes);

/** Splits a space-delimited scope (RFC 6749 §3.3), dropping empties and repeats, keeping order. */
export function parseScope(scope: string | undefined): string[] {
  if (scope === undefined) return [];
  return [...new Set(scope.split(/[\s]+/).filter((item) => item !== ''))];
}

/** Joins scopes for the wire. */
export function formatScope(scopes: readonly string[]): string {
  return scopes.join(' ');
}

/** What the decision needs to know about the API (null when the token only reaches /userinfo). */
export interface ScopeApi {
  readonly scopes: readonly string[];
  readonly allowOfflineAccess: boolean;
  /** RBAC: intersect with the user's permissions. */
  readonly enforcePolicies: boolean;
}

export interface ScopeDecisionInput {
  readonly requested: readonly string[];
  readonly api: ScopeApi | null;
  /** The user's permissions on this API (from roles); read only when the API enforces policies. */
  readonly userPermissions: readonly string[];
  /** Whether the client's `grant_types` include `refresh_token`. */
  readonly clientMayRefresh: boolean;
}

export interface ScopeDecision {
  /** Granted scopes: OIDC ones first in canonical order, then API permissions in the API's order. */
  readonly granted: readonly string[];
  readonly issueRefreshToken: boolean;
  readonly issueIdToken: boolean;
}

/**
 * - No API permission requested → every permission of the API (a password implies full trust).
 * - Some requested → those that exist on the API; unknown scopes are dropped silently, as Auth0 does.
 * - RBAC on → further intersected with the user's permissions.
 * - Only `openid` among the identity scopes → `profile` and `email` too (Auth0: "all standard OIDC scopes").
 * - `offline_access` is granted only when requested, the client has the refresh_token grant and the API
 *   allows offline access (§1.4). A token for /userinfo only has no API setting, so it is allowed there.
 */
export function decideScopes(input: ScopeDecisionInput): ScopeDecision {
  const requested = new Set(input.requested);
  const identity = new Set(input.requested.filter((scope) => oidcScopeSet.has(scope) && scope !== 'offline_access'));
  if (identity.size === 1 && identity.has('openid')) {
    identity.add('profile');
    identity.add('email');
  }

  const offlineAllowed = input.clientMayRefresh && (input.api === null || input.api.allowOfflineAccess);
  const issueRefreshToken = requested.has('offline_access') && offlineAllowed;

  const granted: string[] = oidcScopes.filter((scope) =>
    scope === 'offline_access' ? issueRefreshToken : identity.has(scope),
  );

  if (input.api !== null) {
    const apiScopes = input.api.scopes.filter((scope) => !oidcScopeSet.has(scope));
    const askedForSome = apiScopes.some((scope) => requested.has(scope));
    let permissions = askedForSome ? apiScopes.filter((scope) => requested.has(scope)) : apiScopes;
    if (input.api.enforcePolicies) {
      const allowed = new Set(input.userPermissions);
      permissions = permissions.filter((scope) => allowed.has(scope));
    }
    granted.push(...permissions);
  }

  return { granted, issueRefreshToken, issueIdToken: identity.has('openid') };
}

/**
 * The scope of a refresh exchange (RFC 6749 §6): omitted means the original; otherwise it must be a
 * subset of the original. Returns undefined when the request is wider than the grant.
 */
export function narrowScope(
  original: readonly string[],
  requested: readonly string[] | undefined,
): string[] | undefined {
  if (requested === undefined || requested.length === 0) return [...original];
  const originalSet = new Set(original);
  if (requested.some((scope) => !originalSet.has(scope))) return undefined;
  const wanted = new Set(requested);
  return original.filter((scope) => wanted.has(scope));
}
