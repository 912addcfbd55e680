import { z } from 'zod';
import type { AppResult } from '../../../common/errors/app-error';
import {
  Connection,
  ConnectionClient,
  ConnectionCreate,
  type ConnectionClientChange,
  type ConnectionUpdate,
} from '../../../common/admin/connection.schema';
import { ok } from '../../../common/result';
import type { ManagementTransport } from '../management-transport';
import { checkpointPages, collectAll, type CheckpointPage } from '../paging';
import { checked, fetchOffsetPage, op, type PageInput } from './api-helpers';

/** `{connections, next}` (checkpoint), or a bare array from a server without checkpoint paging. */
const ConnectionsCheckpoint = z.union([
  z.object({ connections: z.array(Connection), next: z.string().optional() }),
  z.array(Connection),
]);
const ClientsCheckpoint = z.object({ clients: z.array(ConnectionClient), next: z.string().optional() });

export interface ConnectionFilter {
  /** Repeatable strategy filter (`auth0` for database connections). */
  readonly strategy?: readonly string[];
  readonly name?: string;
}

/** `/connections` (auth0-wire.md §7.2): the realms users sign in to with password-realm. */
export class ConnectionsApi {
  constructor(private readonly transport: ManagementTransport) {}

  /** Every connection (checkpoint paging, as node-auth0 v6 lists them). */
  list(filter: ConnectionFilter = {}): Promise<AppResult<Connection[]>> {
    return collectAll(checkpointPages((from) => this.checkpoint(filter, from)));
  }

  /** One checkpoint page (`take` up to 100). */
  async checkpoint(
    filter: ConnectionFilter,
    from: string | undefined,
    take = 100,
  ): Promise<AppResult<CheckpointPage<Connection>>> {
    const reply = await this.transport.call(
      {
        method: 'GET',
        path: ['connections'],
        query: { strategy: filter.strategy, name: filter.name, from, take },
        operation: op('list the realms', 'realm'),
      },
      ConnectionsCheckpoint,
    );
    if (!reply.ok) return reply;
    const body = reply.value.value;
    return Array.isArray(body)
      ? ok({ items: body, next: null })
      : ok({ items: body.connections, next: body.next ?? null });
  }

  /** One offset page, for a paged table. */
  page(filter: ConnectionFilter = {}, input: PageInput = {}) {
    return fetchOffsetPage(
      this.transport,
      {
        request: {
          path: ['connections'],
          query: { strategy: filter.strategy, name: filter.name },
          operation: op('list the realms', 'realm'),
        },
        key: 'connections',
        item: Connection,
      },
      input,
    );
  }

  async get(id: string): Promise<AppResult<Connection>> {
    const reply = await this.transport.call(
      { method: 'GET', path: ['connections', id], operation: op('read the realm', 'realm') },
      Connection,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  /** The connection named `name`, or null when there is none. */
  async findByName(name: string): Promise<AppResult<Connection | null>> {
    const found = await this.checkpoint({ name }, undefined, 10);
    if (!found.ok) return found;
    return ok(found.value.items.find((connection) => connection.name === name) ?? null);
  }

  async create(input: ConnectionCreate): Promise<AppResult<Connection>> {
    const body = checked(ConnectionCreate, input);
    if (!body.ok) return body;
    const reply = await this.transport.call(
      {
        method: 'POST',
        path: ['connections'],
        body: body.value,
        operation: op('create the realm', 'realm'),
      },
      Connection,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  /** `options`, when given, replaces the stored options wholesale (§7.2): send the full object. */
  async update(id: string, patch: ConnectionUpdate): Promise<AppResult<Connection>> {
    const reply = await this.transport.call(
      { method: 'PATCH', path: ['connections', id], body: patch, operation: op('update the realm', 'realm') },
      Connection,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  delete(id: string) {
    return this.transport.run({
      method: 'DELETE',
      path: ['connections', id],
      operation: op('delete the realm', 'realm'),
    });
  }

  /** The clients enabled for the connection (checkpoint paging). */
  clients(id: string): Promise<AppResult<ConnectionClient[]>> {
    return collectAll(
      checkpointPages(async (from) => {
        const reply = await this.transport.call(
          {
            method: 'GET',
            path: ['connections', id, 'clients'],
            query: { from, take: 100 },
            operation: op('list the realm’s clients', 'realm'),
          },
          ClientsCheckpoint,
        );
        return reply.ok ? ok({ items: reply.value.value.clients, next: reply.value.value.next ?? null }) : reply;
      }),
    );
  }

  /** Switches clients on or off for the connection. */
  setClients(id: string, changes: readonly ConnectionClientChange[]) {
    return this.transport.run({
      method: 'PATCH',
      path: ['connections', id, 'clients'],
      body: changes,
      operation: op('change the realm’s clients', 'realm'),
    });
  }
}
