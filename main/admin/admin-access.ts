import { appError, type AppResult } from '../../common/errors/app-error';
import { err, ok } from '../../common/result';
import type { Profile } from '../settings/profile';

/** OpenID Connect's identity scopes: they say who the user is, not what the admin may do. */
const identityScopes = new Set(['openid', 'profile', 'email', 'address', 'phone', 'offline_access']);

/**
 * What a Management API token allows: its `scope` (space-separated) together with Auth0's RBAC
 * `permissions` claim, once each, without OpenID Connect's identity scopes.
 */
export function scopesOf(scope: unknown, permissions: unknown): string[] {
  const fromScope = typeof scope === 'string' ? scope.split(' ').filter((item) => item !== '') : [];
  const fromPermissions = Array.isArray(permissions)
    ? permissions.filter((item): item is string => typeof item === 'string')
    : [];
  return [...new Set([...fromScope, ...fromPermissions])].filter((item) => !identityScopes.has(item));
}

/** The admin pane speaks Auth0's Management API, which generic OAuth 2.0 servers do not have. */
export function checkAdminProfile(profile: Profile): AppResult<Profile> {
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
