import { grantTypes } from '../../common/oauth/wire';
import { authErrors } from '../errors/catalogue';
import type { Grant, GrantDependencies } from './grant';
import { exchangePassword, passwordExchangeLogTypes } from './password-exchange';

/**
 * `password` (RFC 6749 §4.3). The connection is the tenant's `default_directory`; `realm` is ignored on
 * this grant (auth0-wire.md §1.1). Without a usable default directory the answer is §2 row 13's
 * `500 server_error`.
 */
export function passwordGrant(deps: GrantDependencies): Grant {
  return {
    type: grantTypes.password,
    logTypes: passwordExchangeLogTypes,
    async handle(request) {
      const username = request.params.require('username');
      const password = request.params.require('password');
      const directory = deps.settings.get().defaultDirectory;
      const connection = directory === null ? undefined : deps.connections.findByName(directory);
      if (!connection) throw authErrors.noDefaultConnection();
      return exchangePassword(deps, request, connection, { username, password });
    },
  };
}
