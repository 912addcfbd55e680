import { z } from 'zod';
import type { UserRecord, UserSortField } from '../storage/admin/user-admin';
import { userSortFields, UserExistsError } from '../storage/admin/user-admin';
import type { UserQuery } from '../storage/admin/user-query';
import { passwordRules, requiresUsername } from './connection-options';
import type { ManagementDependencies } from './dependencies';
import { mgmtErrors } from './errors';
import { pageBody, pageQueryShape, pageRequest, project } from './pagination';
import { checkPasswordStrength, isReusedPassword, passwordReusedError } from './password-policy';
import type { ManagementCall, ManagementRoute } from './route';
import { parseUserSearch } from './user-search';
import { mergeMetadata, userIdFromWire, userWire } from './user-wire';
import { jsonObject, parseBody, parseQuery, queryBoolean, queryList, queryString, text } from './validation';

/** Auth0's username characters (database connections) and its default length limits. */
const Username = z.string().regex(/^[A-Za-z0-9_+\-.!#$'^`~@]{1,128}$/, "must be 1-128 letters, digits or _+-.!#$'^`~@");
const Email = z.email().max(254);
const Name = text(300).nullable();
const Picture = z.url().max(2048).nullable();

const Create = z.object({
  connection: z.string().min(1).max(128),
  email: Email.optional(),
  password: z.string().min(1).optional(),
  username: Username.optional(),
  email_verified: z.boolean().optional(),
  verify_email: z.boolean().optional(),
  blocked: z.boolean().optional(),
  name: Name.optional(),
  nickname: Name.optional(),
  given_name: Name.optional(),
  family_name: Name.optional(),
  picture: Picture.optional(),
  user_metadata: jsonObject.optional(),
  app_metadata: jsonObject.optional(),
});

// A PATCH takes the same fields, all optional (`connection` names which identity to change).
const Patch = Create.partial();

const Sort = queryString.regex(
  new RegExp(`^(${userSortFields.join('|')}):(1|-1)$`),
  `must be <field>:1 or <field>:-1 with a field of ${userSortFields.join(', ')}`,
);
const ListQuery = z.object({
  ...pageQueryShape,
  q: queryString.optional(),
  search_engine: z.enum(['v1', 'v2', 'v3']).optional(),
  connection: queryString.optional(),
  sort: Sort.optional(),
  fields: queryList.optional(),
  include_fields: queryBoolean.optional(),
});
const FieldsQuery = z.object({ fields: queryList.optional(), include_fields: queryBoolean.optional() });

/** The Management API's users (auth0-wire.md §7.4). */
export function userRoutes(deps: ManagementDependencies): ManagementRoute[] {
  const { admin, repos } = deps;
  const wire = (user: UserRecord) => userWire(user, repos.authenticators.hasActive(user.id));

  /** Finds a database connection by name for a user write (400 when it is not one, as Auth0). */
  const databaseConnection = (name: string) => {
    const connection = admin.connections.findByName(name);
    if (!connection) throw mgmtErrors.badRequest('inexistent_connection', 'The connection does not exist.');
    if (connection.strategy !== 'auth0') {
      throw mgmtErrors.badRequest('operation_not_supported', 'Users can only be managed in database connections.');
    }
    return connection;
  };

  return [
    {
      method: 'GET',
      url: '/users',
      scopes: ['read:users'],
      handler(call) {
        const query = parseQuery(ListQuery, call.query);
        const request = pageRequest(query, { maxRecords: 1000 });
        const parsed = parseUserSearch(query.q);
        // The legacy `connection=` parameter (search engine v1) narrows like identities.connection.
        const byConnection: UserQuery | undefined =
          query.connection === undefined ? undefined : { kind: 'connection', value: query.connection };
        const filter: UserQuery | undefined =
          parsed && byConnection ? { kind: 'and', items: [parsed, byConnection] } : (parsed ?? byConnection);
        const [field, direction] = (query.sort ?? 'created_at:1').split(':');
        const sort = { field: field as UserSortField, descending: direction === '-1' };
        const { items, total } = admin.users.search(filter, sort, request.page * request.perPage, request.perPage);
        const shaped = items.map((user) => project(wire(user), query.fields, query.include_fields));
        return pageBody('users', shaped, total, request, { withLength: true });
      },
    },
    {
      method: 'GET',
      url: '/users/:id',
      scopes: ['read:users'],
      handler(call) {
        const query = parseQuery(FieldsQuery, call.query);
        return project(wire(findUser(deps, call)), query.fields, query.include_fields);
      },
    },
    {
      method: 'POST',
      url: '/users',
      scopes: ['create:users'],
      description: 'Create a User',
      status: 201,
      async handler(call) {
        const body = parseBody(Create, call.body);
        const connection = databaseConnection(body.connection);
        if (body.email === undefined)
          throw mgmtErrors.invalidBody("'Missing required property: email' on property email");
        if (body.password === undefined) {
          throw mgmtErrors.invalidBody("'Missing required property: password' on property password");
        }
        const needsUsername = requiresUsername(connection.options);
        if (needsUsername && body.username === undefined) {
          throw mgmtErrors.invalidBody("'Missing required property: username' on property username");
        }
        if (!needsUsername && body.username !== undefined) {
          throw mgmtErrors.badRequest('invalid_body', 'Cannot set username for connection without requires_username');
        }
        const weak = checkPasswordStrength(body.password, passwordRules(connection.options), {
          email: body.email,
          username: body.username ?? null,
          name: body.name ?? null,
          nickname: body.nickname ?? null,
          givenName: body.given_name ?? null,
          familyName: body.family_name ?? null,
        });
        if (weak) throw weak;
        // Hash before the transaction: it is async, and a transaction must not wait on anything.
        const passwordHash = await deps.hasher.hash(body.password);
        return call.commit(() => {
          try {
            const user = admin.users.create({
              connectionId: connection.id,
              email: body.email ?? null,
              username: body.username ?? null,
              passwordHash,
              emailVerified: body.email_verified ?? false,
              name: body.name ?? body.email ?? null,
              nickname: body.nickname ?? body.email?.slice(0, body.email.indexOf('@')) ?? null,
              picture: body.picture ?? null,
              givenName: body.given_name ?? null,
              familyName: body.family_name ?? null,
              blocked: body.blocked ?? false,
              userMetadata: body.user_metadata ?? {},
              appMetadata: body.app_metadata ?? {},
            });
            return wire(user);
          } catch (error) {
            if (error instanceof UserExistsError) throw mgmtErrors.userExists();
            throw error;
          }
        });
      },
    },
    {
      method: 'PATCH',
      url: '/users/:id',
      scopes: ['update:users', 'update:users_app_metadata'],
      description: 'Update a User',
      async handler(call) {
        const body = parseBody(Patch, call.body);
        const current = findUser(deps, call);
        if (!call.hasScope('update:users')) {
          // update:users_app_metadata lets a caller change metadata only (Auth0's narrower scope).
          const others = Object.keys(body).filter((key) => key !== 'app_metadata' && key !== 'user_metadata');
          if (others.length > 0) throw mgmtErrors.insufficientScope(['update:users']);
        }
        if (body.connection !== undefined && body.connection !== current.connectionName) {
          throw mgmtErrors.badRequest('invalid_body', 'The user has no identity in that connection.');
        }
        if (body.password !== undefined && body.email !== undefined) {
          throw mgmtErrors.badRequest('invalid_body', 'Cannot update password and email simultaneously.');
        }
        if (body.username !== undefined && !requiresUsername(databaseConnection(current.connectionName).options)) {
          throw mgmtErrors.badRequest('invalid_body', 'Cannot set username for connection without requires_username');
        }
        const passwordHash =
          body.password === undefined ? undefined : await newPasswordHash(deps, current, body.password);
        return call.commit(() => {
          const fresh = findUser(deps, call);
          try {
            const updated = admin.users.update(fresh.id, {
              ...(body.email !== undefined && { email: body.email, emailVerified: body.email_verified ?? false }),
              ...(body.email === undefined &&
                body.email_verified !== undefined && { emailVerified: body.email_verified }),
              ...(body.username !== undefined && { username: body.username }),
              ...(body.blocked !== undefined && { blocked: body.blocked }),
              ...(body.name !== undefined && { name: body.name }),
              ...(body.nickname !== undefined && { nickname: body.nickname }),
              ...(body.given_name !== undefined && { givenName: body.given_name }),
              ...(body.family_name !== undefined && { familyName: body.family_name }),
              ...(body.picture !== undefined && { picture: body.picture }),
              ...(body.user_metadata && { userMetadata: mergeMetadata(fresh.userMetadata, body.user_metadata) }),
              ...(body.app_metadata && { appMetadata: mergeMetadata(fresh.appMetadata, body.app_metadata) }),
              ...(passwordHash !== undefined && { passwordHash }),
            });
            if (passwordHash !== undefined) {
              if (fresh.passwordHash !== null) admin.users.rememberPasswordHash(fresh.id, fresh.passwordHash);
              deps.sessions.revokeAllForUser(fresh.id, 'password_changed');
            }
            // An admin block ends every session the user has (design/security.md "Refresh tokens").
            if (body.blocked === true) deps.sessions.revokeAllForUser(fresh.id, 'user_blocked');
            return wire(updated ?? fresh);
          } catch (error) {
            if (error instanceof UserExistsError) throw mgmtErrors.userExists();
            throw error;
          }
        });
      },
    },
    {
      method: 'DELETE',
      url: '/users/:id',
      scopes: ['delete:users'],
      description: 'Delete a User',
      status: 204,
      handler(call) {
        call.commit(() => {
          const user = findUser(deps, call);
          deps.sessions.revokeAllForUser(user.id, 'user_deleted');
          admin.users.delete(user.id);
        });
      },
    },
  ];
}

/** The user named by `{id}` (`auth0|…`), or 404 `inexistent_user`. */
export function findUser(deps: ManagementDependencies, call: ManagementCall): UserRecord {
  const id = userIdFromWire(call.params['id']);
  const user = id === undefined ? undefined : deps.admin.users.findById(id);
  if (!user) throw mgmtErrors.notFound('user', 'inexistent_user');
  return user;
}

/**
 * Checks a new password against the user's connection (strength, dictionary, personal data, history)
 * and hashes it. History compares with the current password and the previous ones up to the size.
 */
async function newPasswordHash(deps: ManagementDependencies, user: UserRecord, password: string): Promise<string> {
  const connection = deps.admin.connections.findById(user.connectionId);
  const rules = passwordRules(connection?.options ?? {});
  const weak = checkPasswordStrength(password, rules, user);
  if (weak) throw weak;
  if (rules.historySize > 0) {
    const previous = deps.admin.users.previousPasswordHashes(user.id, Math.max(0, rules.historySize - 1));
    const hashes = user.passwordHash === null ? previous : [user.passwordHash, ...previous];
    if (await isReusedPassword(deps.hasher, password, hashes)) throw passwordReusedError();
  }
  return deps.hasher.hash(password);
}
