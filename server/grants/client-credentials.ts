import { grantTypes } from '../../common/oauth/wire';
import { authErrors } from '../errors/catalogue';
import { parseScope } from '../tokens/scope-decision';
import type { Grant, GrantDependencies } from './grant';

/**
 * `client_credentials` (RFC 6749 §4.4) for machine-to-machine clients, the Management API included: the
 * client proves itself with its secret and gets an access token for one API, limited to what its client
 * grant allows (Auth0 `/api/v2/client-grants`). No user, no ID token, no refresh token (§4.4.3).
 *
 * - `audience` falls back to the tenant's `default_audience`; an unknown API is §2 row 14.
 * - No `scope` asked → every granted scope that the API still defines; asking for more than the grant
 *   allows is refused, naming the missing scopes.
 */
export function clientCredentialsGrant(deps: GrantDependencies): Grant {
  return {
    type: grantTypes.clientCredentials,
    logTypes: { success: 'seccft', failure: 'feccft' },
    async handle(request) {
      // RFC 6749 §4.4: "The client credentials grant type MUST only be used by confidential clients."
      if (!request.authenticatedWithSecret) throw authErrors.clientCredentialsNeedSecret();
      const audience = request.params.get('audience') ?? deps.settings.get().defaultAudience ?? undefined;
      if (audience === undefined) throw authErrors.noAudience();
      const api = deps.resourceServers.findByIdentifier(audience);
      if (!api) throw authErrors.audienceNotFound(audience);
      request.audit.note({ audience: api.identifier });

      const clientGrant = deps.clientGrants.find(request.client.clientId, api.identifier);
      if (!clientGrant) throw authErrors.clientNotGranted(api.identifier);
      const granted = new Set(clientGrant.scope);
      const allowed = api.scopes.map((scope) => scope.value).filter((scope) => granted.has(scope));

      const requested = parseScope(request.params.scope());
      const missing = requested.filter((scope) => !allowed.includes(scope));
      if (missing.length > 0) throw authErrors.scopesNotGranted(missing);
      const wanted = new Set(requested);
      const scope = requested.length === 0 ? allowed : allowed.filter((item) => wanted.has(item));

      return deps.minter.respondForClient({ client: request.client, api, scope });
    },
  };
}
