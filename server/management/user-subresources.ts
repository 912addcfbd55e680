import { z } from 'zod';
import { toLogWire } from '../logs/tenant-log';
import type { Authenticator } from '../storage/authenticator-repository';
import type { ManagementDependencies } from './dependencies';
import { mgmtErrors } from './errors';
import { pageBody, pageQueryShape, pageRequest } from './pagination';
import type { ManagementRoute } from './route';
import { roleWire } from './roles';
import { findUser } from './users';
import { userSubject } from '../tenant/model';
import { parseBody, parseQuery, queryString } from './validation';

const LogsQuery = z.object({
  ...pageQueryShape,
  sort: queryString.regex(/^date:(1|-1)$/, 'must be date:1 or date:-1').optional(),
});
const PageQuery = z.object(pageQueryShape);
const RoleIds = z.object({ roles: z.array(z.string().min(1).max(100)).min(1).max(1000) });

const iso = (ms: number | null) => (ms === null ? undefined : new Date(ms).toISOString());

/**
 * An enrolled second factor, in the spirit of Auth0's `authentication-methods` objects: `type` is
 * `totp`, `email`, `phone` or `recovery-code`; `confirmed` says whether enrolment completed.
 */
export function authenticatorWire(authenticator: Authenticator) {
  const type =
    authenticator.type === 'otp'
      ? 'totp'
      : authenticator.type === 'recovery-code'
        ? 'recovery-code'
        : authenticator.oobChannel === 'email'
          ? 'email'
          : 'phone';
  return {
    id: authenticator.id,
    type,
    authenticator_type: authenticator.type,
    ...(authenticator.oobChannel !== null && { oob_channel: authenticator.oobChannel }),
    ...(type === 'email' && authenticator.target !== null && { email: authenticator.target }),
    ...(type === 'phone' && authenticator.target !== null && { phone_number: authenticator.target }),
    confirmed: authenticator.active,
    created_at: iso(authenticator.createdAt),
    ...(authenticator.confirmedAt !== null && { enrolled_at: iso(authenticator.confirmedAt) }),
    ...(authenticator.lastUsedAt !== null && { last_auth_at: iso(authenticator.lastUsedAt) }),
  };
}

/** `/users/{id}/logs`, `/users/{id}/roles` and `/users/{id}/authenticators` (auth0-wire.md §7.4, §7.6). */
export function userSubresourceRoutes(deps: ManagementDependencies): ManagementRoute[] {
  const { repos } = deps;

  const checkRoles = (ids: readonly string[]) => {
    const unknown = ids.find((id) => !repos.roles.findById(id));
    if (unknown !== undefined) throw mgmtErrors.badRequest('invalid_body', `The role ${unknown} does not exist.`);
  };

  return [
    {
      method: 'GET',
      url: '/users/:id/logs',
      scopes: ['read:logs', 'read:logs_users'],
      handler(call) {
        const query = parseQuery(LogsQuery, call.query);
        const request = pageRequest(query, { maxRecords: 1000 });
        const user = findUser(deps, call);
        const page = repos.logs.list({
          where: [{ field: 'user_id', values: [userSubject(user)] }],
          order: query.sort === 'date:1' ? 'oldest-first' : 'newest-first',
          offset: request.page * request.perPage,
          limit: request.perPage,
        });
        return pageBody('logs', page.entries.map(toLogWire), page.total, request, { withLength: true });
      },
    },
    {
      method: 'GET',
      url: '/users/:id/roles',
      scopes: ['read:users', 'read:roles'],
      handler(call) {
        const request = pageRequest(parseQuery(PageQuery, call.query));
        const all = repos.roles.rolesForUser(findUser(deps, call).id);
        const start = request.page * request.perPage;
        return pageBody('roles', all.slice(start, start + request.perPage).map(roleWire), all.length, request);
      },
    },
    {
      method: 'POST',
      url: '/users/:id/roles',
      scopes: ['update:users', 'create:role_members'],
      description: 'Assign roles to a user',
      status: 204,
      handler(call) {
        const body = parseBody(RoleIds, call.body);
        call.commit(() => {
          const user = findUser(deps, call);
          checkRoles(body.roles);
          for (const roleId of new Set(body.roles)) repos.roles.assignUsers(roleId, [user.id]);
        });
      },
    },
    {
      method: 'DELETE',
      url: '/users/:id/roles',
      scopes: ['update:users', 'delete:role_members'],
      description: 'Remove roles from a user',
      status: 204,
      handler(call) {
        const body = parseBody(RoleIds, call.body);
        call.commit(() => {
          const user = findUser(deps, call);
          for (const roleId of new Set(body.roles)) repos.roles.unassignUsers(roleId, [user.id]);
        });
      },
    },
    {
      method: 'GET',
      url: '/users/:id/authenticators',
      scopes: ['read:users', 'read:authentication_methods'],
      handler: (call) => repos.authenticators.listForUser(findUser(deps, call).id).map(authenticatorWire),
    },
    {
      method: 'DELETE',
      url: '/users/:id/authenticators',
      scopes: ['update:users', 'delete:guardian_enrollments'],
      description: 'Delete all authenticators of a user',
      status: 204,
      handler(call) {
        call.commit(() => repos.authenticators.deleteAllForUser(findUser(deps, call).id));
      },
    },
    {
      method: 'DELETE',
      url: '/users/:id/authenticators/:authenticatorId',
      scopes: ['update:users', 'delete:guardian_enrollments'],
      description: 'Delete an authenticator of a user',
      status: 204,
      handler(call) {
        call.commit(() => {
          const user = findUser(deps, call);
          const id = call.params['authenticatorId'] ?? '';
          const authenticator = repos.authenticators.findById(id);
          if (!authenticator || authenticator.userId !== user.id) {
            throw mgmtErrors.notFound('authenticator', 'inexistent_authenticator');
          }
          repos.authenticators.delete(authenticator.id);
          // Recovery codes only stand behind a real factor; with the last one gone they go too.
          const left = repos.authenticators.listForUser(user.id).filter((item) => item.type !== 'recovery-code');
          if (left.length === 0) repos.authenticators.deleteAllForUser(user.id);
        });
      },
    },
  ];
}
