import { authErrors } from '../errors/catalogue';
import type { TenantSettings } from './model';
import type { ResourceServer } from './model';
import type { ResourceServerDirectory } from './resource-server-directory';

/**
 * The API a token is for (auth0-wire.md §1.5): the `audience` parameter, else the tenant's
 * `default_audience`, else none (the token then only reaches /userinfo). An audience that is not a
 * registered API is refused with 403 `Service not enabled within domain: <audience>`.
 */
export function resolveAudience(
  requested: string | undefined,
  settings: TenantSettings,
  directory: ResourceServerDirectory,
): ResourceServer | null {
  const audience = requested ?? settings.defaultAudience ?? undefined;
  if (audience === undefined) return null;
  const api = directory.findByIdentifier(audience);
  if (!api) throw authErrors.audienceNotFound(audience);
  return api;
}
