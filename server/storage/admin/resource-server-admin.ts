import type { Clock } from '../../config';
import type { ResourceServer } from '../../tenant/model';
import type { SqliteDatabase } from '../database';
import { toResourceServer, type ResourceServerRow } from '../resource-server-repository';
import { statementCache } from './statement-cache';
import { newId } from '../ids';
import { toFlag } from '../json-column';

/** A stored API with the fields only the Management API shows (auth0-wire.md §7.5). */
export interface ResourceServerRecord extends ResourceServer {
  readonly tokenLifetimeForWeb: number;
  readonly skipConsentForVerifiableFirstPartyClients: boolean;
}

export type NewResourceServer = Omit<ResourceServerRecord, 'id' | 'isSystem'>;
export type ResourceServerPatch = Partial<Omit<ResourceServerRecord, 'id' | 'isSystem' | 'identifier' | 'signingAlg'>>;

/** A create whose identifier is already an API's; the Management API answers 409. */
export class ResourceServerIdentifierTakenError extends Error {
  constructor() {
    super('A resource server with the same identifier already exists');
    this.name = 'ResourceServerIdentifierTakenError';
  }
}

/** The Management API's view of the tenant's own APIs. */
export interface ResourceServerAdmin {
  /** Every stored API ordered by name (optionally only those with the given identifiers). */
  list(identifiers?: readonly string[]): ResourceServerRecord[];
  findById(id: string): ResourceServerRecord | undefined;
  findByIdentifier(identifier: string): ResourceServerRecord | undefined;
  create(input: NewResourceServer): ResourceServerRecord;
  update(id: string, patch: ResourceServerPatch): ResourceServerRecord | undefined;
  delete(id: string): boolean;
}

/** The admin query's row: the repository's row plus the fields only the Management API shows. */
interface Row extends ResourceServerRow {
  token_lifetime_for_web: number;
  skip_consent: number;
}

const columns = `id, identifier, name, scopes, allow_offline_access, token_lifetime, signing_alg, enforce_policies,
  token_dialect, token_lifetime_for_web, skip_consent`;

function toRecord(row: Row): ResourceServerRecord {
  return {
    ...toResourceServer(row),
    tokenLifetimeForWeb: row.token_lifetime_for_web,
    skipConsentForVerifiableFirstPartyClients: row.skip_consent === 1,
  };
}

function bind(record: Omit<ResourceServerRecord, 'isSystem'>, now: number) {
  return {
    id: record.id,
    identifier: record.identifier,
    name: record.name,
    scopes: JSON.stringify(record.scopes),
    offline: toFlag(record.allowOfflineAccess),
    lifetime: record.tokenLifetime,
    alg: record.signingAlg,
    enforce: toFlag(record.enforcePolicies),
    dialect: record.tokenDialect,
    web: record.tokenLifetimeForWeb,
    skip: toFlag(record.skipConsentForVerifiableFirstPartyClients),
    now,
  };
}

/** SQLite-backed administration of `resource_servers`. */
export class SqliteResourceServerAdmin implements ResourceServerAdmin {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(
    db: SqliteDatabase,
    private readonly clock: Clock,
  ) {
    this.sql = statementCache(db);
  }

  list(identifiers?: readonly string[]): ResourceServerRecord[] {
    const wanted = identifiers !== undefined && identifiers.length > 0 ? JSON.stringify(identifiers) : null;
    return this.sql<[{ wanted: string | null }], Row>(
      `SELECT ${columns} FROM resource_servers
          WHERE @wanted IS NULL OR identifier IN (SELECT value FROM json_each(@wanted)) ORDER BY name, id`,
    )
      .all({ wanted })
      .map(toRecord);
  }

  findById(id: string): ResourceServerRecord | undefined {
    const row = this.sql<[string], Row>(`SELECT ${columns} FROM resource_servers WHERE id = ?`).get(id);
    return row && toRecord(row);
  }

  findByIdentifier(identifier: string): ResourceServerRecord | undefined {
    const row = this.sql<[string], Row>(`SELECT ${columns} FROM resource_servers WHERE identifier = ?`).get(identifier);
    return row && toRecord(row);
  }

  create(input: NewResourceServer): ResourceServerRecord {
    if (this.findByIdentifier(input.identifier)) throw new ResourceServerIdentifierTakenError();
    const id = newId.resourceServer();
    this.sql(
      `INSERT INTO resource_servers (id, identifier, name, scopes, allow_offline_access, token_lifetime, signing_alg,
                                       enforce_policies, token_dialect, token_lifetime_for_web, skip_consent,
                                       created_at, updated_at)
         VALUES (@id, @identifier, @name, @scopes, @offline, @lifetime, @alg, @enforce, @dialect, @web, @skip,
                 @now, @now)`,
    ).run(bind({ ...input, id }, this.clock()));
    return this.mustFind(id);
  }

  update(id: string, patch: ResourceServerPatch): ResourceServerRecord | undefined {
    const current = this.findById(id);
    if (!current) return undefined;
    this.sql(
      `UPDATE resource_servers SET name = @name, scopes = @scopes, allow_offline_access = @offline,
                token_lifetime = @lifetime, enforce_policies = @enforce, token_dialect = @dialect,
                token_lifetime_for_web = @web, skip_consent = @skip, updated_at = @now
          WHERE id = @id`,
    ).run(bind({ ...current, ...patch }, this.clock()));
    return this.mustFind(id);
  }

  delete(id: string): boolean {
    return this.sql<[string]>('DELETE FROM resource_servers WHERE id = ?').run(id).changes > 0;
  }

  private mustFind(id: string): ResourceServerRecord {
    const record = this.findById(id);
    if (!record) throw new Error('resource server vanished right after it was written');
    return record;
  }
}
