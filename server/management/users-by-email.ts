import { z } from 'zod';
import type { ManagementDependencies } from './dependencies';
import { mgmtErrors } from './errors';
import { project } from './pagination';
import type { ManagementRoute } from './route';
import { userWire } from './user-wire';
import { parseQuery, queryBoolean, queryList, queryString } from './validation';

const Query = z.object({
  email: queryString.optional(),
  fields: queryList.optional(),
  include_fields: queryBoolean.optional(),
});

/** One user per connection can hold an email; this bounds the answer well above any real tenant. */
const MAX_USERS = 100;

/**
 * Auth0's `GET /users-by-email?email=` (node-auth0 `users.getByEmail` / `usersByEmail.getByEmail`): a bare
 * array of the users with exactly that email, oldest first. Matching ignores ASCII case, as every other
 * email lookup here does (Auth0 stores database users' emails in lower case, so a lower-case search finds
 * the same users there).
 */
export function usersByEmailRoutes(deps: ManagementDependencies): ManagementRoute[] {
  return [
    {
      method: 'GET',
      url: '/users-by-email',
      scopes: ['read:users'],
      handler(call) {
        const query = parseQuery(Query, call.query);
        if (query.email === undefined || query.email === '') {
          throw mgmtErrors.invalidQuery("'Missing required property: email' on property email");
        }
        const { items } = deps.admin.users.search(
          { kind: 'text-field', field: 'email', value: query.email, prefix: false },
          { field: 'created_at', descending: false },
          0,
          MAX_USERS,
        );
        return items.map((user) =>
          project(userWire(user, deps.repos.authenticators.hasActive(user.id)), query.fields, query.include_fields),
        );
      },
    },
  ];
}
