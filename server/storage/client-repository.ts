import { z } from 'zod';
import type { Clock } from '../config';
import type { Client, RefreshTokenPolicy } from '../tenant/model';
import { defaultRefreshTokenPolicy } from '../tenant/model';
import type { SqliteDatabase } from './database';
import { readJson, toFlag } from './json-column';

/** Applications (Auth0 "clients"). */
export interface ClientRepository {
  findById(clientId: string): Client | undefined;
  count(): number;
  create(client: Client): Client;
}

interface Row {
  client_id: string;
  name: string;
  app_type: string;
  token_endpoint_auth_method: string;
  client_secret_hash: string | null;
  grant_types: string;
  is_token_endpoint_ip_header_trusted: number;
  refresh_token: string;
}

const d = defaultRefreshTokenPolicy;
/** The stored `refresh_token` JSON is Auth0's client field (snake_case, auth0-wire.md §5.1). */
const RefreshTokenJson = z
  .object({
    rotation_type: z.enum(['rotating', 'non-rotating']).default(d.rotationType),
    expiration_type: z.enum(['expiring', 'non-expiring']).default(d.expirationType),
    leeway: z.number().int().min(0).default(d.leeway),
    token_lifetime: z.number().int().positive().default(d.tokenLifetime),
    idle_token_lifetime: z.number().int().positive().default(d.idleTokenLifetime),
    infinite_token_lifetime: z.boolean().default(d.infiniteTokenLifetime),
    infinite_idle_token_lifetime: z.boolean().default(d.infiniteIdleTokenLifetime),
  })
  .transform((json): RefreshTokenPolicy => ({
    rotationType: json.rotation_type,
    expirationType: json.expiration_type,
    leeway: json.leeway,
    tokenLifetime: json.token_lifetime,
    idleTokenLifetime: json.idle_token_lifetime,
    infiniteTokenLifetime: json.infinite_token_lifetime,
    infiniteIdleTokenLifetime: json.infinite_idle_token_lifetime,
  }));

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

const AppType = z.enum(['native', 'spa', 'regular_web', 'non_interactive']);
const AuthMethod = z.enum(['none', 'client_secret_post', 'client_secret_basic']);
const GrantTypes = z.array(z.string());

function toClient(row: Row): Client {
  return {
    clientId: row.client_id,
    name: row.name,
    appType: AppType.parse(row.app_type),
    tokenEndpointAuthMethod: AuthMethod.parse(row.token_endpoint_auth_method),
    clientSecretHash: row.client_secret_hash,
    grantTypes: readJson(GrantTypes, row.grant_types, 'grant_types'),
    isTokenEndpointIpHeaderTrusted: row.is_token_endpoint_ip_header_trusted === 1,
    refreshToken: readJson(RefreshTokenJson, row.refresh_token, 'refresh_token'),
  };
}

/** SQLite-backed clients. */
export class SqliteClientRepository implements ClientRepository {
  private readonly byId;
  private readonly countAll;
  private readonly insert;

  constructor(
    db: SqliteDatabase,
    private readonly clock: Clock,
  ) {
    this.byId = db.prepare<[string], Row>(
      `SELECT client_id, name, app_type, token_endpoint_auth_method, client_secret_hash, grant_types,
              is_token_endpoint_ip_header_trusted, refresh_token
         FROM clients WHERE client_id = ?`,
    );
    this.countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM clients');
    this.insert = db.prepare(
      `INSERT INTO clients (client_id, name, app_type, token_endpoint_auth_method, client_secret_hash, grant_types,
                            is_token_endpoint_ip_header_trusted, refresh_token, created_at, updated_at)
       VALUES (@clientId, @name, @appType, @method, @secretHash, @grantTypes, @trusted, @refreshToken, @now, @now)`,
    );
  }

  findById(clientId: string): Client | undefined {
    const row = this.byId.get(clientId);
    return row && toClient(row);
  }

  count(): number {
    return this.countAll.get()?.n ?? 0;
  }

  create(client: Client): Client {
    this.insert.run({
      clientId: client.clientId,
      name: client.name,
      appType: client.appType,
      method: client.tokenEndpointAuthMethod,
      secretHash: client.clientSecretHash,
      grantTypes: JSON.stringify(client.grantTypes),
      trusted: toFlag(client.isTokenEndpointIpHeaderTrusted),
      refreshToken: refreshTokenJson(client.refreshToken),
      now: this.clock(),
    });
    return client;
  }
}
