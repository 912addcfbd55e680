// One part of the management scenario (../management-scenario.mjs). `ctx` carries the adapter, the
// recorder's `step`, the scenario's names and the ids earlier parts made.
import { itemsOf, status } from './shared.mjs';

/** Clients, resource servers and the tenant log. */
export async function tenantPart(ctx) {
  const { api, step, prefix, backendClientId } = ctx;
  // Clients: read and update.
  await step(
    'clients.get',
    () => api.clients.get(backendClientId),
    (r) => ({
      ...status(r),
      grantTypes: r.body.grant_types,
      ipHeaderTrusted: r.body.is_token_endpoint_ip_header_trusted,
    }),
  );
  await step(
    'clients.update',
    () => api.clients.update(backendClientId, { is_token_endpoint_ip_header_trusted: false }),
    (r) => ({ ...status(r), ipHeaderTrusted: r.body.is_token_endpoint_ip_header_trusted }),
  );

  // Resource servers: create, read, update, list with totals, delete.
  const identifier = `https://${prefix}.gatehouse.test/`;
  const rs = await step(
    'resourceServers.create',
    () =>
      api.resourceServers.create({
        name: `${prefix} API`,
        identifier,
        scopes: [{ value: 'read:things', description: 'Read things' }],
        allow_offline_access: true,
        token_lifetime: 900,
      }),
    (r) => ({ ...status(r), body: r.body }),
  );
  const rsId = rs?.body?.id;
  await step(
    'resourceServers.get',
    () => api.resourceServers.get(rsId),
    (r) => ({
      ...status(r),
      identifier: r.body.identifier,
    }),
  );
  await step(
    'resourceServers.update',
    () =>
      api.resourceServers.update(rsId, {
        token_lifetime: 1200,
        scopes: [
          { value: 'read:things', description: 'Read things' },
          { value: 'write:things', description: 'Write things' },
        ],
      }),
    (r) => ({ ...status(r), tokenLifetime: r.body.token_lifetime, scopes: r.body.scopes.map((s) => s.value) }),
  );
  await step(
    'resourceServers.list',
    () => api.resourceServers.list({ include_totals: true, per_page: 50 }),
    (r) => ({
      ...status(r),
      total: r.body.total,
      identifiers: itemsOf(r, 'resource_servers').map((s) => s.identifier),
    }),
  );
  await step('resourceServers.remove', () => api.resourceServers.remove(rsId), status);
  await step('resourceServers.getRemoved', () => api.resourceServers.get(rsId), status);

  // Logs: search (q for v4, search for v6), checkpoint paging with from/take, one by id.
  const searched = await step(
    'logs.search',
    () => api.logs.search('type:sapi', 2),
    (r) => ({
      ...status(r),
      total: r.body.total,
      types: itemsOf(r, 'logs').map((log) => log.type),
      auth0Client: itemsOf(r, 'logs')[0]?.auth0_client ?? null,
    }),
  );
  const newest = itemsOf(searched ?? { body: [] }, 'logs');
  const from = newest[1]?.log_id;
  await step(
    'logs.checkpoint',
    () => api.logs.checkpoint(from, 3),
    (r) => ({
      ...status(r),
      from,
      ids: itemsOf(r, 'logs').map((log) => log.log_id),
      link: r.headers.link ?? null,
    }),
  );
  await step(
    'logs.get',
    () => api.logs.get(newest[0]?.log_id),
    (r) => ({
      ...status(r),
      logId: r.body.log_id,
      type: r.body.type,
    }),
  );
}
