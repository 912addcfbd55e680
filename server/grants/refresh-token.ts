import { grantTypes } from '../../common/oauth/wire';
import { authErrors } from '../errors/catalogue';
import type { PreparedPostLogin } from '../extensibility/post-login';
import type { RefreshTokenRecord } from '../storage/refresh-token-repository';
import type { ResourceServer, User } from '../tenant/model';
import { narrowScope, parseScope } from '../tokens/scope-decision';
import type { Grant, GrantDependencies } from './grant';

interface Accepted {
  readonly user: User;
  readonly api: ResourceServer | null;
  readonly gty: readonly string[];
  readonly postLogin: PreparedPostLogin;
}

/**
 * `refresh_token` (RFC 6749 §6, auth0-wire.md §5.1): rotation with reuse detection, absolute and idle
 * lifetimes, and an optional narrower `scope`. The new refresh token keeps the family's original scope;
 * only the access token is narrowed, so a later refresh may ask for the full scope again.
 *
 * `gty` on the new access token is `["refresh_token", <original gty>]` (§5.5 notes Auth0 may send such an
 * array); it tells an inspector both how this token was made and how the session began.
 *
 * The grant's reads and writes all happen in the exchange's one transaction: the token, its user, API
 * and connection, and what the rules and actions need. Only the scripts and the signing come after it.
 */
export function refreshTokenGrant(deps: GrantDependencies): Grant {
  return {
    type: grantTypes.refreshToken,
    logTypes: { success: 'sertft', failure: 'fertft' },
    async handle(request) {
      const presented = request.params.require('refresh_token');
      const requestedScope = request.params.scope();

      const accept = (record: RefreshTokenRecord): Accepted => {
        const user = deps.users.findById(record.userId);
        if (!user) throw authErrors.invalidRefreshToken();
        request.audit.noteUser(user);
        if (record.audience !== null) request.audit.note({ audience: record.audience });
        if (user.blocked) throw authErrors.userBlocked();
        const api = record.audience === null ? null : deps.resourceServers.findByIdentifier(record.audience);
        if (api === undefined) throw authErrors.audienceNotFound(record.audience ?? '');
        const scope = narrowScope(
          parseScope(record.scope),
          requestedScope === undefined ? undefined : parseScope(requestedScope),
        );
        if (scope === undefined) throw authErrors.scopeWiderThanGranted();
        const connection = deps.connections.findByName(record.connection);
        if (!connection) throw authErrors.invalidRefreshToken();
        const gty = [grantTypes.refreshToken, record.grantType];
        // Rules and actions run again with protocol oauth2-refresh-token and may deny or demand MFA
        // (auth0-wire.md §5.1, issue #4); what they need is read here, within the transaction.
        const postLogin = deps.postLogin.prepareRefresh(request, {
          user,
          connection,
          api,
          scope,
          includeIdToken: scope.includes('openid'),
          issueRefreshToken: true,
          gty,
        });
        return { user, api, gty, postLogin };
      };

      const exchange = deps.refreshTokens.exchange(presented, request.client, accept);
      if (!exchange.ok) {
        // The tenant log is for admins, so the owner of a refused token is worth recording.
        if (exchange.userId !== undefined) request.audit.note({ userId: `auth0|${exchange.userId}` });
        if (exchange.verdict.kind === 'reuse-detected') {
          // Never log the token itself: it is a credential. The family id is enough to investigate.
          request.log.warn({ familyId: exchange.familyId }, 'refresh token reuse detected; family revoked');
          request.audit.write('ferrt', { details: exchange.reuse ?? { familyId: exchange.familyId } });
        }
        throw authErrors.invalidRefreshToken();
      }

      const { user, api, gty, postLogin } = exchange.accepted;
      // The rotated token is handed out only if the rules and actions let the refresh through.
      const additions = await deps.postLogin.completeRefresh(request, postLogin, exchange.next);
      return deps.minter.respond({
        user,
        client: request.client,
        api,
        scope: additions.scope,
        gty,
        includeIdToken: additions.includeIdToken,
        customClaims: additions.customClaims,
        ...(exchange.next !== undefined && { refreshToken: exchange.next }),
      });
    },
  };
}
