import type { TokenResponseWire } from '../../common/oauth/wire';
import { grantTypes } from '../../common/oauth/wire';
import { authErrors } from '../errors/catalogue';
import { loginWithPassword } from '../security/password-login';
import { resolveAudience } from '../tenant/audience';
import type { Connection } from '../tenant/model';
import { decideScopes, formatScope, parseScope } from '../tokens/scope-decision';
import type { GrantDependencies, GrantRequest } from './grant';

/** Both password grants log `sepft` / `fepft` (auth0-wire.md §7.6); credential failures log `fp` / `fu`. */
export const passwordExchangeLogTypes = { success: 'sepft', failure: 'fepft' } as const;

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
  request.audit.note({ connection, userName: credentials.username });
  if (!deps.connections.isEnabledForClient(connection.id, client.clientId)) throw authErrors.connectionNotEnabled();
  // The audience is checked before the password so a typo costs no hash and says what is wrong.
  const api = resolveAudience(params.get('audience'), deps.settings.get(), deps.resourceServers);
  if (api) request.audit.note({ audience: api.identifier });

  const user = await loginWithPassword(deps, {
    connection,
    username: credentials.username,
    password: credentials.password,
    ip: request.ip,
    audit: request.audit,
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

  // Rules, then actions, then the MFA decision (issue #4); throws the login's error when they stop it.
  const additions = await deps.postLogin.afterPassword(request, {
    user,
    connection,
    api,
    scope: decision.granted,
    includeIdToken: decision.issueIdToken,
    issueRefreshToken: decision.issueRefreshToken,
    gty: grantTypes.password,
  });

  const refreshToken = additions.issueRefreshToken
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
    scope: additions.scope,
    gty: grantTypes.password,
    includeIdToken: additions.includeIdToken,
    customClaims: additions.customClaims,
    ...(refreshToken !== undefined && { refreshToken }),
  });
}
