import type { Clock } from '../../config';
import type { Client, RefreshTokenPolicy } from '../../tenant/model';
import type { ClientRepository } from '../client-repository';
import type { SqliteDatabase } from '../database';
import { statementCache } from './statement-cache';
import { toFlag } from '../json-column';

/** A client with its timestamps, as the Management API lists it. */
export interface ClientRecord extends Client {
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** What `PATCH /clients/{id}` may change (auth0-wire.md §1.6, §5.1). */
export type ClientPatch = Partial<
  Pick<Client, 'name' | 'grantTypes' | 'isTokenEndpointIpHeaderTrusted' | 'refreshToken'>
>;

/** The Management API's view of clients: listing and the settings an admin may change. */
export interface ClientAdmin {
  list(
    filter: { readonly appTypes?: readonly string[] },
    offset: number,
    limit: number,
  ): { items: ClientRecord[]; total: number };
  findById(clientId: string): ClientRecord | undefined;
  update(clientId: string, patch: ClientPatch): ClientRecord | undefined;
}

function refreshTokenJson(policy: RefreshTokenPolicy): string {
  return JSON.stringify({
    rotation_type: policy.rotationType,
    expiration_type: policy.expirationType,
    leeway: policy.leeway,
    token_lifetime: policy.tokenLifetime,
    idle_token_lifetime: policy.idleTokenLifetime,
    infinite_token_lifetime: policy.infiniteTokenLifetime,
    infinite_idle_token_lifetime: policy.infiniteIdleTokenLifetime,
  });
}

/**
 * SQLite-backed client administration. Reading a client goes through the shared `ClientRepository`, so
 * the JSON columns are decoded in one place; this class adds listing, timestamps and updates.
 */
export class SqliteClientAdmin implements ClientAdmin {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(
    db: SqliteDatabase,
    private readonly clients: ClientRepository,
    private readonly clock: Clock,
  ) {
    this.sql = statementCache(db);
  }

  list(filter: { readonly appTypes?: readonly string[] }, offset: number, limit: number) {
    const types = filter.appTypes !== undefined && filter.appTypes.length > 0 ? JSON.stringify(filter.appTypes) : null;
    const clause = '(@types IS NULL OR app_type IN (SELECT value FROM json_each(@types)))';
    const ids = this.sql<[Record<string, unknown>], { client_id: string }>(
      `SELECT client_id FROM clients WHERE ${clause} ORDER BY name, client_id LIMIT @limit OFFSET @offset`,
    ).all({ types, limit, offset });
    const total =
      this.sql<[Record<string, unknown>], { n: number }>(`SELECT count(*) AS n FROM clients WHERE ${clause}`).get({
        types,
      })?.n ?? 0;
    return { items: ids.flatMap((row) => this.findById(row.client_id) ?? []), total };
  }

  findById(clientId: string): ClientRecord | undefined {
    const client = this.clients.findById(clientId);
    if (!client) return undefined;
    const times = this.sql<[string], { created_at: number; updated_at: number }>(
      'SELECT created_at, updated_at FROM clients WHERE client_id = ?',
    ).get(clientId);
    return { ...client, createdAt: times?.created_at ?? 0, updatedAt: times?.updated_at ?? 0 };
  }

  update(clientId: string, patch: ClientPatch): ClientRecord | undefined {
    const current = this.findById(clientId);
    if (!current) return undefined;
    const next = { ...current, ...patch };
    this.sql(
      `UPDATE clients SET name = @name, grant_types = @grantTypes, is_token_endpoint_ip_header_trusted = @trusted,
                refresh_token = @refreshToken, updated_at = @now WHERE client_id = @clientId`,
    ).run({
      clientId,
      name: next.name,
      grantTypes: JSON.stringify(next.grantTypes),
      trusted: toFlag(next.isTokenEndpointIpHeaderTrusted),
      refreshToken: refreshTokenJson(next.refreshToken),
      now: this.clock(),
    });
    return this.findById(clientId);
  }
}
