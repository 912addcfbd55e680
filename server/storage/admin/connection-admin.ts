import { z } from 'zod';
import type { Clock } from '../../config';
import type { Connection } from '../../tenant/model';
import type { SqliteDatabase } from '../database';
import { statementCache } from './statement-cache';
import { newId } from '../ids';
import { readJson, toFlag } from '../json-column';

/** A connection with the fields only the Management API shows (auth0-wire.md §7.2). */
export interface ConnectionRecord extends Connection {
  readonly displayName: string | null;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly isDomainConnection: boolean;
  readonly showAsButton: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export type NewConnection = Pick<ConnectionRecord, 'name' | 'strategy' | 'options'> &
  Partial<Pick<ConnectionRecord, 'displayName' | 'metadata' | 'isDomainConnection' | 'showAsButton'>>;

export type ConnectionPatch = Partial<
  Pick<ConnectionRecord, 'displayName' | 'options' | 'metadata' | 'isDomainConnection' | 'showAsButton'>
>;

/** A create that names a connection that already exists; the Management API answers 409. */
export class ConnectionNameTakenError extends Error {
  constructor() {
    super('A connection with the same name already exists');
    this.name = 'ConnectionNameTakenError';
  }
}

/** Filters for listing. */
export interface ConnectionFilter {
  readonly strategies?: readonly string[];
  readonly name?: string;
}

/** The Management API's view of connections: listing, editing and the enabled clients. */
export interface ConnectionAdmin {
  /** Offset listing, ordered by name. */
  list(filter: ConnectionFilter, offset: number, limit: number): { items: ConnectionRecord[]; total: number };
  /** Checkpoint listing: ids greater than `after`, ordered by id. */
  listAfter(filter: ConnectionFilter, after: string | undefined, limit: number): ConnectionRecord[];
  findById(id: string): ConnectionRecord | undefined;
  findByName(name: string): ConnectionRecord | undefined;
  /** Throws `ConnectionNameTakenError` for a duplicate name. */
  create(input: NewConnection): ConnectionRecord;
  update(id: string, patch: ConnectionPatch): ConnectionRecord | undefined;
  delete(id: string): boolean;
  countUsers(id: string): number;
  /** The client ids the connection is enabled for, sorted. */
  enabledClients(id: string): string[];
  setEnabled(id: string, clientId: string, enabled: boolean): void;
}

interface Row {
  id: string;
  name: string;
  strategy: string;
  options: string;
  display_name: string | null;
  metadata: string;
  is_domain_connection: number;
  show_as_button: number;
  created_at: number;
  updated_at: number;
}

const JsonObject = z.record(z.string(), z.unknown());
const columns = `id, name, strategy, options, display_name, metadata, is_domain_connection, show_as_button,
  created_at, updated_at`;

function toRecord(row: Row): ConnectionRecord {
  return {
    id: row.id,
    name: row.name,
    strategy: row.strategy,
    options: readJson(JsonObject, row.options, 'options'),
    displayName: row.display_name,
    metadata: readJson(JsonObject, row.metadata, 'metadata'),
    isDomainConnection: row.is_domain_connection === 1,
    showAsButton: row.show_as_button === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Builds `WHERE` for the filters. Strategies arrive as a JSON array and are matched with `json_each`, so
 * any number of them binds as one parameter.
 */
function where(filter: ConnectionFilter): { sql: string; params: Record<string, string> } {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  if (filter.strategies !== undefined && filter.strategies.length > 0) {
    clauses.push('strategy IN (SELECT value FROM json_each(@strategies))');
    params['strategies'] = JSON.stringify(filter.strategies);
  }
  if (filter.name !== undefined) {
    clauses.push('name = @name');
    params['name'] = filter.name;
  }
  return { sql: clauses.length === 0 ? '1 = 1' : clauses.join(' AND '), params };
}

/** SQLite-backed connection administration over the `connections` and `connection_clients` tables. */
export class SqliteConnectionAdmin implements ConnectionAdmin {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(
    db: SqliteDatabase,
    private readonly clock: Clock,
  ) {
    this.sql = statementCache(db);
  }

  list(filter: ConnectionFilter, offset: number, limit: number): { items: ConnectionRecord[]; total: number } {
    const { sql, params } = where(filter);
    const rows = this.sql<[Record<string, unknown>], Row>(
      `SELECT ${columns} FROM connections WHERE ${sql} ORDER BY name, id LIMIT @limit OFFSET @offset`,
    ).all({ ...params, limit, offset });
    const total =
      this.sql<[Record<string, string>], { n: number }>(`SELECT count(*) AS n FROM connections WHERE ${sql}`).get(
        params,
      )?.n ?? 0;
    return { items: rows.map(toRecord), total };
  }

  listAfter(filter: ConnectionFilter, after: string | undefined, limit: number): ConnectionRecord[] {
    const { sql, params } = where(filter);
    return this.sql<[Record<string, unknown>], Row>(
      `SELECT ${columns} FROM connections WHERE ${sql} AND id > @after ORDER BY id LIMIT @limit`,
    )
      .all({ ...params, after: after ?? '', limit })
      .map(toRecord);
  }

  findById(id: string): ConnectionRecord | undefined {
    const row = this.sql<[string], Row>(`SELECT ${columns} FROM connections WHERE id = ?`).get(id);
    return row && toRecord(row);
  }

  findByName(name: string): ConnectionRecord | undefined {
    const row = this.sql<[string], Row>(`SELECT ${columns} FROM connections WHERE name = ?`).get(name);
    return row && toRecord(row);
  }

  create(input: NewConnection): ConnectionRecord {
    if (this.findByName(input.name)) throw new ConnectionNameTakenError();
    const id = newId.connection();
    const now = this.clock();
    this.sql(
      `INSERT INTO connections (id, name, strategy, options, display_name, metadata, is_domain_connection,
                                  show_as_button, created_at, updated_at)
         VALUES (@id, @name, @strategy, @options, @displayName, @metadata, @domain, @button, @now, @now)`,
    ).run({
      id,
      name: input.name,
      strategy: input.strategy,
      options: JSON.stringify(input.options),
      displayName: input.displayName ?? null,
      metadata: JSON.stringify(input.metadata ?? {}),
      domain: toFlag(input.isDomainConnection ?? false),
      button: toFlag(input.showAsButton ?? false),
      now,
    });
    return this.mustFind(id);
  }

  update(id: string, patch: ConnectionPatch): ConnectionRecord | undefined {
    const current = this.findById(id);
    if (!current) return undefined;
    const next = { ...current, ...patch };
    this.sql(
      `UPDATE connections SET options = @options, display_name = @displayName, metadata = @metadata,
                is_domain_connection = @domain, show_as_button = @button, updated_at = @now WHERE id = @id`,
    ).run({
      id,
      options: JSON.stringify(next.options),
      displayName: next.displayName,
      metadata: JSON.stringify(next.metadata),
      domain: toFlag(next.isDomainConnection),
      button: toFlag(next.showAsButton),
      now: this.clock(),
    });
    return this.mustFind(id);
  }

  delete(id: string): boolean {
    return this.sql<[string]>('DELETE FROM connections WHERE id = ?').run(id).changes > 0;
  }

  countUsers(id: string): number {
    return this.sql<[string], { n: number }>('SELECT count(*) AS n FROM users WHERE connection_id = ?').get(id)?.n ?? 0;
  }

  enabledClients(id: string): string[] {
    return this.sql<[string], { client_id: string }>(
      'SELECT client_id FROM connection_clients WHERE connection_id = ? ORDER BY client_id',
    )
      .all(id)
      .map((row) => row.client_id);
  }

  setEnabled(id: string, clientId: string, enabled: boolean): void {
    const sql = enabled
      ? 'INSERT OR IGNORE INTO connection_clients (connection_id, client_id) VALUES (?, ?)'
      : 'DELETE FROM connection_clients WHERE connection_id = ? AND client_id = ?';
    this.sql<[string, string]>(sql).run(id, clientId);
  }

  private mustFind(id: string): ConnectionRecord {
    const record = this.findById(id);
    if (!record) throw new Error('connection vanished right after it was written');
    return record;
  }
}
