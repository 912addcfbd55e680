import type { AppResult } from '../../../common/errors/app-error';
import {
  Client,
  RefreshTokenSettings,
  ResourceServer,
  type ClientUpdate,
  type ResourceServerCreate,
  type ResourceServerUpdate,
} from '../../../common/admin/client.schema';
import { ok } from '../../../common/result';
import type { ManagementTransport } from '../management-transport';
import { fetchAllOffset, fetchOffsetPage, op, type PageInput } from './api-helpers';

/** Auth0's client as sent; `refresh_token` (settings, not a token) is renamed once, here. */
const ClientWire = Client.omit({ refresh_token_settings: true })
  .extend({ refresh_token: RefreshTokenSettings.nullish() })
  .transform(({ refresh_token: settings, ...client }): Client => ({
    ...client,
    ...(settings === undefined ? {} : { refresh_token_settings: settings }),
  }));

/** The patch as Auth0 takes it. */
function patchWire({ refresh_token_settings: settings, ...patch }: ClientUpdate): Record<string, unknown> {
  return { ...patch, ...(settings === undefined ? {} : { refresh_token: settings }) };
}

/**
 * `/clients`: read, and the settings that gate the password flows (grant types, refresh-token rotation
 * and lifetimes, `is_token_endpoint_ip_header_trusted`). The Client schema names no credential, so a
 * `client_secret` in Auth0's answer is dropped while parsing and never reaches a caller.
 */
export class ClientsApi {
  constructor(private readonly transport: ManagementTransport) {}

  #listing() {
    return {
      request: { path: ['clients'], operation: op('list the applications', 'application') },
      key: 'clients',
      item: ClientWire,
    };
  }

  list(): Promise<AppResult<Client[]>> {
    return fetchAllOffset(this.transport, this.#listing());
  }

  page(input: PageInput = {}) {
    return fetchOffsetPage(this.transport, this.#listing(), input);
  }

  async get(clientId: string): Promise<AppResult<Client>> {
    const reply = await this.transport.call(
      { method: 'GET', path: ['clients', clientId], operation: op('read the application', 'application') },
      ClientWire,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  async update(clientId: string, patch: ClientUpdate): Promise<AppResult<Client>> {
    const reply = await this.transport.call(
      {
        method: 'PATCH',
        path: ['clients', clientId],
        body: patchWire(patch),
        operation: op('update the application', 'application'),
      },
      ClientWire,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }
}

/** `/resource-servers` (auth0-wire.md §7.5): the APIs tokens are issued for, with their scopes. */
export class ResourceServersApi {
  constructor(private readonly transport: ManagementTransport) {}

  list(): Promise<AppResult<ResourceServer[]>> {
    return fetchAllOffset(this.transport, {
      request: { path: ['resource-servers'], operation: op('list the APIs', 'API') },
      key: 'resource_servers',
      item: ResourceServer,
    });
  }

  /** `id` may be the id or the identifier (audience), as on Auth0. */
  async get(id: string): Promise<AppResult<ResourceServer>> {
    const reply = await this.transport.call(
      { method: 'GET', path: ['resource-servers', id], operation: op('read the API', 'API') },
      ResourceServer,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  async create(input: ResourceServerCreate): Promise<AppResult<ResourceServer>> {
    const reply = await this.transport.call(
      { method: 'POST', path: ['resource-servers'], body: input, operation: op('create the API', 'API') },
      ResourceServer,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  async update(id: string, patch: ResourceServerUpdate): Promise<AppResult<ResourceServer>> {
    const reply = await this.transport.call(
      { method: 'PATCH', path: ['resource-servers', id], body: patch, operation: op('update the API', 'API') },
      ResourceServer,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  delete(id: string) {
    return this.transport.run({
      method: 'DELETE',
      path: ['resource-servers', id],
      operation: op('delete the API', 'API'),
    });
  }
}
