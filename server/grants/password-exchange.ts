import type { TokenResponseWire } from '../../common/oauth/wire';
import { grantTypes } from '../../common/oauth/wire';
import { authErrors } from '../errors/catalogue';
import { loginWithPassword } from '../security/password-login';
import { resolveAudience } from '../tenant/audience';
import type { Connection } from '../tenant/model';
import { decideScopes, formatScope, parseScope } from '../tokens/scope-decision';
import type { GrantDependencies, GrantRequest } from './grant';

/** Parameters both password grants have already read. */
export interface PasswordCredentials {
  readonly username: string;
  readonly password: string;
}

/**
 * The part `password` and `password-realm` share once the connection is known (auth0-wire.md §1):
 * connection enabled for the client, audience, credentials, scopes, refresh token, tokens.
 * Both grants emit `gty: "password"` (§5.5).
 */
export async function exchangePassword(
  deps: GrantDependencies,
  request: GrantRequest,
  connection: Connection,
  credentials: PasswordCredentials,
): Promise<TokenResponseWire> {
  const { client, params } = request;
  if (!deps.connections.isEnabledForClient(connection.id, client.clientId)) throw authErrors.connectionNotEnabled();
  // The audience is checked before the password so a typo costs no hash and says what is wrong.
  const api = resolveAudience(params.get('audience'), deps.settings.get(), deps.resourceServers);

  const user = await loginWithPassword(deps, {
    connection,
    username: credentials.username,
    password: credentials.password,
    ip: request.ip,
  });

  const decision = decideScopes({
    requested: parseScope(params.scope()),
    api: api && {
      scopes: api.scopes.map((scope) => scope.value),
      allowOfflineAccess: api.allowOfflineAccess,
      enforcePolicies: api.enforcePolicies,
    },
    userPermissions: api?.enforcePolicies ? deps.permissions.forUser(user.id, api.identifier) : [],
    clientMayRefresh: client.grantTypes.includes(grantTypes.refreshToken),
  });

  const refreshToken = decision.issueRefreshToken
    ? deps.refreshTokens.startFamily({
        client,
        userId: user.id,
        connection: connection.name,
        audience: api?.identifier ?? null,
        scope: formatScope(decision.granted),
        grantType: grantTypes.password,
      })
    : undefined;

  return deps.minter.respond({
    user,
    client,
    api,
    scope: decision.granted,
    gty: grantTypes.password,
    includeIdToken: decision.issueIdToken,
    ...(refreshToken !== undefined && { refreshToken }),
  });
}
