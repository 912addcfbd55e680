import { z } from 'zod';
import type { Clock } from '../config';
import type { Connection } from '../tenant/model';
import type { SqliteDatabase } from './database';
import { newId } from './ids';
import { readJson } from './json-column';

/** Connections (Auth0 "realms") and which clients may use them. */
export interface ConnectionRepository {
  findByName(name: string): Connection | undefined;
  findById(id: string): Connection | undefined;
  /** Whether the connection is enabled for the client (Auth0 `PATCH /connections/{id}/clients`). */
  isEnabledForClient(connectionId: string, clientId: string): boolean;
  count(): number;
  create(input: Omit<Connection, 'id'>): Connection;
  enableForClients(connectionId: string, clientIds: readonly string[]): void;
}

interface Row {
  id: string;
  name: string;
  strategy: string;
  options: string;
}

const Options = z.record(z.string(), z.unknown());

function toConnection(row: Row): Connection {
  return { id: row.id, name: row.name, strategy: row.strategy, options: readJson(Options, row.options, 'options') };
}

/** SQLite-backed connections. */
export class SqliteConnectionRepository implements ConnectionRepository {
  private readonly byName;
  private readonly byId;
  private readonly enabled;
  private readonly countAll;
  private readonly insert;
  private readonly enable;

  constructor(
    db: SqliteDatabase,
    private readonly clock: Clock,
  ) {
    const columns = 'id, name, strategy, options';
    this.byName = db.prepare<[string], Row>(`SELECT ${columns} FROM connections WHERE name = ?`);
    this.byId = db.prepare<[string], Row>(`SELECT ${columns} FROM connections WHERE id = ?`);
    this.enabled = db.prepare<[string, string], { one: number }>(
      'SELECT 1 AS one FROM connection_clients WHERE connection_id = ? AND client_id = ?',
    );
    this.countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM connections');
    this.insert = db.prepare<[string, string, string, string, number, number]>(
      'INSERT INTO connections (id, name, strategy, options, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.enable = db.prepare<[string, string]>(
      'INSERT OR IGNORE INTO connection_clients (connection_id, client_id) VALUES (?, ?)',
    );
  }

  findByName(name: string): Connection | undefined {
    const row = this.byName.get(name);
    return row && toConnection(row);
  }

  findById(id: string): Connection | undefined {
    const row = this.byId.get(id);
    return row && toConnection(row);
  }

  isEnabledForClient(connectionId: string, clientId: string): boolean {
    return this.enabled.get(connectionId, clientId) !== undefined;
  }

  count(): number {
    return this.countAll.get()?.n ?? 0;
  }

  create(input: Omit<Connection, 'id'>): Connection {
    const connection = { ...input, id: newId.connection() };
    const now = this.clock();
    this.insert.run(connection.id, input.name, input.strategy, JSON.stringify(input.options), now, now);
    return connection;
  }

  enableForClients(connectionId: string, clientIds: readonly string[]): void {
    for (const clientId of clientIds) this.enable.run(connectionId, clientId);
  }
}
