import { grantTypes } from '../../common/oauth/wire';
import { authErrors } from '../errors/catalogue';
import type { Grant, GrantDependencies } from './grant';
import { exchangePassword, passwordExchangeLogTypes } from './password-exchange';

/**
 * `http://auth0.com/oauth/grant-type/password-realm`: Auth0's extension of the password grant in which
 * `realm` names the connection (auth0-wire.md §1.1). An unknown realm is `400 invalid_request
 * "the connection was not found"` (the legacy text in §2 row 18).
 */
export function passwordRealmGrant(deps: GrantDependencies): Grant {
  return {
    type: grantTypes.passwordRealm,
    logTypes: passwordExchangeLogTypes,
    async handle(request) {
      const username = request.params.require('username');
      const password = request.params.require('password');
      const realm = request.params.require('realm');
      const connection = deps.connections.findByName(realm);
      if (!connection) throw authErrors.connectionNotFound();
      return exchangePassword(deps, request, connection, { username, password });
    },
  };
}
