import { z } from 'zod';
import { ConnectionNameTakenError } from '../storage/admin/connection-admin';
import type { ConnectionRecord } from '../storage/admin/connection-admin';
import { optionsSchema } from './connection-options';
import type { ManagementDependencies } from './dependencies';
import { mgmtErrors } from './errors';
import {
  checkpointQueryShape,
  checkpointRequest,
  encodeCheckpoint,
  pageBody,
  pageQueryShape,
  pageRequest,
  project,
  wantsCheckpoint,
} from './pagination';
import type { ManagementCall, ManagementRoute } from './route';
import { jsonObject, parseBody, parseQuery, queryBoolean, queryList, queryString, text } from './validation';

/** Auth0: alphanumerics and `-`, not starting or ending with `-`, at most 128 (auth0-wire.md §7.2). */
const ConnectionName = z
  .string()
  .max(128)
  .regex(
    /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/,
    'must be alphanumerics and dashes, not starting or ending with a dash',
  );
const Strategy = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be an Auth0 strategy name');
const ClientIds = z.array(z.string().min(1).max(64)).max(1000);
/** Auth0 connection metadata: up to 10 string keys and values of up to 255 characters. */
const Metadata = z
  .record(z.string().max(255), z.string().max(255))
  .refine((value) => Object.keys(value).length <= 10, 'must have at most 10 keys');

const Create = z.object({
  name: ConnectionName,
  strategy: Strategy,
  display_name: text(128).nullable().optional(),
  options: jsonObject.optional(),
  enabled_clients: ClientIds.optional(),
  realms: z.array(z.string().max(128)).max(10).optional(),
  is_domain_connection: z.boolean().optional(),
  show_as_button: z.boolean().optional(),
  metadata: Metadata.optional(),
});

const Patch = z.object({
  name: z.unknown().optional(),
  strategy: z.unknown().optional(),
  display_name: text(128).nullable().optional(),
  options: jsonObject.optional(),
  enabled_clients: ClientIds.optional(),
  realms: z.array(z.string().max(128)).max(10).optional(),
  is_domain_connection: z.boolean().optional(),
  show_as_button: z.boolean().optional(),
  metadata: Metadata.optional(),
});

const ListQuery = z.object({
  ...pageQueryShape,
  ...checkpointQueryShape,
  strategy: queryList.optional(),
  name: queryString.optional(),
  fields: queryList.optional(),
  include_fields: queryBoolean.optional(),
});
const FieldsQuery = z.object({ fields: queryList.optional(), include_fields: queryBoolean.optional() });
const EnabledClientsPatch = z.array(z.object({ client_id: z.string().min(1).max(64), status: z.boolean() })).max(50);
const UsersByEmail = z.object({ email: queryString });

/** Auth0's connection object (§7.2); `options` only for callers holding `read:connections_options`. */
export function connectionWire(connection: ConnectionRecord, enabledClients: readonly string[], withOptions: boolean) {
  return {
    id: connection.id,
    name: connection.name,
    ...(connection.displayName !== null && { display_name: connection.displayName }),
    strategy: connection.strategy,
    ...(withOptions && { options: connection.options }),
    enabled_clients: [...enabledClients],
    // The password-realm grant matches `realm` against the connection name, so realms is always [name].
    realms: [connection.name],
    is_domain_connection: connection.isDomainConnection,
    show_as_button: connection.showAsButton,
    metadata: connection.metadata,
  };
}

/** The Management API's connections (auth0-wire.md §7.2). */
export function connectionRoutes(deps: ManagementDependencies): ManagementRoute[] {
  const { admin } = deps;

  const wire = (call: ManagementCall, connection: ConnectionRecord) =>
    connectionWire(
      connection,
      admin.connections.enabledClients(connection.id),
      call.hasScope('read:connections_options'),
    );

  const find = (id: string | undefined): ConnectionRecord => {
    const connection = id === undefined ? undefined : admin.connections.findById(id);
    if (!connection) throw mgmtErrors.notFound('connection', 'inexistent_connection');
    return connection;
  };

  const checkClients = (clientIds: readonly string[]) => {
    const unknown = clientIds.find((clientId) => !deps.repos.clients.findById(clientId));
    if (unknown !== undefined)
      throw mgmtErrors.invalidBody(`'Unknown client_id: ${unknown}' on property enabled_clients`);
  };

  /** Replaces the enabled clients with exactly `clientIds` (the deprecated `enabled_clients` field). */
  const replaceClients = (connectionId: string, clientIds: readonly string[]) => {
    const wanted = new Set(clientIds);
    for (const current of admin.connections.enabledClients(connectionId)) {
      if (!wanted.has(current)) admin.connections.setEnabled(connectionId, current, false);
    }
    for (const clientId of wanted) admin.connections.setEnabled(connectionId, clientId, true);
  };

  return [
    {
      method: 'GET',
      url: '/connections',
      scopes: ['read:connections'],
      handler(call) {
        const query = parseQuery(ListQuery, call.query);
        const filter = {
          ...(query.strategy && { strategies: query.strategy }),
          ...(query.name && { name: query.name }),
        };
        const shape = (connection: ConnectionRecord) =>
          project(wire(call, connection), query.fields, query.include_fields);
        if (wantsCheckpoint(query)) {
          // Checkpoint paging (§7.1): `{connections, next}`, `next` only while more remain.
          const { after, take } = checkpointRequest(query);
          const rows = admin.connections.listAfter(filter, after, take + 1);
          const page = rows.slice(0, take);
          const last = page[page.length - 1];
          return {
            connections: page.map(shape),
            ...(rows.length > take && last !== undefined && { next: encodeCheckpoint(last.id) }),
          };
        }
        const request = pageRequest(query, { defaultPerPage: 100, maxRecords: 1000 });
        const { items, total } = admin.connections.list(filter, request.page * request.perPage, request.perPage);
        return pageBody('connections', items.map(shape), total, request);
      },
    },
    {
      method: 'GET',
      url: '/connections/:id',
      scopes: ['read:connections'],
      handler(call) {
        const query = parseQuery(FieldsQuery, call.query);
        return project(wire(call, find(call.params['id'])), query.fields, query.include_fields);
      },
    },
    {
      method: 'POST',
      url: '/connections',
      scopes: ['create:connections'],
      description: 'Create a connection',
      status: 201,
      handler(call) {
        const body = parseBody(Create, call.body);
        const options = parseBody(optionsSchema(body.strategy).optional(), body.options) ?? {};
        return call.commit(() => {
          if (body.enabled_clients) checkClients(body.enabled_clients);
          let created: ConnectionRecord;
          try {
            created = admin.connections.create({
              name: body.name,
              strategy: body.strategy,
              options,
              displayName: body.display_name ?? null,
              metadata: body.metadata ?? {},
              isDomainConnection: body.is_domain_connection ?? false,
              showAsButton: body.show_as_button ?? false,
            });
          } catch (error) {
            if (error instanceof ConnectionNameTakenError) {
              throw mgmtErrors.conflict('connection_conflict', 'A connection with the same name already exists');
            }
            throw error;
          }
          if (body.enabled_clients) replaceClients(created.id, body.enabled_clients);
          return wire(call, created);
        });
      },
    },
    {
      method: 'PATCH',
      url: '/connections/:id',
      scopes: ['update:connections'],
      description: 'Update a connection',
      handler(call) {
        const body = parseBody(Patch, call.body);
        // `options` is replaced wholesale (§7.2) and needs its own scope since 2025-07-08.
        if (body.options !== undefined && !call.hasScope('update:connections_options')) {
          throw mgmtErrors.insufficientScope(['update:connections_options']);
        }
        return call.commit(() => {
          const current = find(call.params['id']);
          if (body.name !== undefined && body.name !== current.name) {
            throw mgmtErrors.invalidBody("'name cannot be changed' on property name");
          }
          if (body.strategy !== undefined && body.strategy !== current.strategy) {
            throw mgmtErrors.invalidBody("'strategy cannot be changed' on property strategy");
          }
          const options =
            body.options === undefined ? undefined : parseBody(optionsSchema(current.strategy), body.options);
          if (body.enabled_clients) checkClients(body.enabled_clients);
          const updated = admin.connections.update(current.id, {
            ...(options !== undefined && { options }),
            ...(body.display_name !== undefined && { displayName: body.display_name }),
            ...(body.metadata !== undefined && { metadata: body.metadata }),
            ...(body.is_domain_connection !== undefined && { isDomainConnection: body.is_domain_connection }),
            ...(body.show_as_button !== undefined && { showAsButton: body.show_as_button }),
          });
          if (body.enabled_clients) replaceClients(current.id, body.enabled_clients);
          return wire(call, updated ?? current);
        });
      },
    },
    {
      method: 'DELETE',
      url: '/connections/:id',
      scopes: ['delete:connections'],
      description: 'Delete a connection',
      status: 204,
      handler(call) {
        call.commit(() => {
          const connection = find(call.params['id']);
          // The spec does not say what Auth0 does with the users; refusing keeps them (server/README.md).
          const users = admin.connections.countUsers(connection.id);
          if (users > 0) {
            throw mgmtErrors.conflict(
              'connection_has_users',
              `The connection still has ${users} user${users === 1 ? '' : 's'}; delete them first.`,
            );
          }
          const settings = deps.repos.settings.get();
          if (settings.defaultDirectory === connection.name) deps.repos.settings.update({ defaultDirectory: null });
          admin.connections.delete(connection.id);
        });
      },
    },
    {
      method: 'GET',
      url: '/connections/:id/clients',
      scopes: ['read:connections'],
      handler(call) {
        const query = parseQuery(z.object(checkpointQueryShape), call.query);
        const connection = find(call.params['id']);
        const { after, take } = checkpointRequest(query);
        const all = admin.connections.enabledClients(connection.id).filter((id) => after === undefined || id > after);
        const page = all.slice(0, take);
        const last = page[page.length - 1];
        return {
          clients: page.map((clientId) => ({ client_id: clientId })),
          ...(all.length > take && last !== undefined && { next: encodeCheckpoint(last) }),
        };
      },
    },
    {
      method: 'PATCH',
      url: '/connections/:id/clients',
      scopes: ['update:connections'],
      description: 'Update the clients enabled for a connection',
      status: 204,
      handler(call) {
        const changes = parseBody(EnabledClientsPatch, call.body);
        call.commit(() => {
          const connection = find(call.params['id']);
          checkClients(changes.map((change) => change.client_id));
          for (const change of changes) admin.connections.setEnabled(connection.id, change.client_id, change.status);
        });
      },
    },
    {
      method: 'DELETE',
      url: '/connections/:id/users',
      scopes: ['delete:users'],
      description: 'Delete a connection user by email',
      status: 204,
      handler(call) {
        const { email } = parseQuery(UsersByEmail, call.query);
        call.commit(() => {
          const connection = find(call.params['id']);
          const user = deps.repos.users.findByIdentifier(connection.id, email);
          if (!user || user.email?.toLowerCase() !== email.toLowerCase()) {
            throw mgmtErrors.notFound('user', 'inexistent_user');
          }
          deps.sessions.revokeAllForUser(user.id, 'user_deleted');
          admin.users.delete(user.id);
        });
      },
    },
  ];
}
