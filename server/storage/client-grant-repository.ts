import { z } from 'zod';
import type { Clock } from '../config';
import type { AudienceKeys } from './audience-keys';
import type { SqliteDatabase } from './database';
import { newId } from './ids';
import { readJson } from './json-column';

/**
 * A client grant (Auth0 `/api/v2/client-grants`): the scopes a machine-to-machine client may obtain for
 * one API with `client_credentials`.
 */
export interface ClientGrant {
  /** `cgr_` + 16 alphanumerics. */
  readonly id: string;
  readonly clientId: string;
  /** The API identifier, with the Management API under its real `<issuer>api/v2/`. */
  readonly audience: string;
  readonly scope: readonly string[];
}

/** A second grant for the same (client, audience). The Management API answers 409. */
export class ClientGrantConflictError extends Error {
  constructor() {
    super('A resource server with the same identifier is already granted to this client');
    this.name = 'ClientGrantConflictError';
  }
}

/** Client grants. Unknown client ids in `create` throw (foreign key). */
export interface ClientGrantRepository {
  /** The grant the client holds for `audience`, if any (the client_credentials hot path). */
  find(clientId: string, audience: string): ClientGrant | undefined;
  findById(id: string): ClientGrant | undefined;
  list(filter?: { readonly clientId?: string; readonly audience?: string }): ClientGrant[];
  /** Throws `ClientGrantConflictError` when the client already has a grant for the audience. */
  create(input: Omit<ClientGrant, 'id'>): ClientGrant;
  /** Replaces the scope; undefined for an unknown id. */
  updateScope(id: string, scope: readonly string[]): ClientGrant | undefined;
  delete(id: string): boolean;
}

interface Row {
  id: string;
  client_id: string;
  audience: string;
  scope: string;
}

const Scope = z.array(z.string());

/** SQLite-backed client grants. */
export class SqliteClientGrantRepository implements ClientGrantRepository {
  private readonly s;

  constructor(
    db: SqliteDatabase,
    private readonly clock: Clock,
    private readonly audiences: AudienceKeys,
  ) {
    const columns = 'id, client_id, audience, scope';
    this.s = {
      find: db.prepare<[string, string], Row>(
        `SELECT ${columns} FROM client_grants WHERE client_id = ? AND audience = ?`,
      ),
      byId: db.prepare<[string], Row>(`SELECT ${columns} FROM client_grants WHERE id = ?`),
      list: db.prepare<[{ clientId: string | null; audience: string | null }], Row>(
        `SELECT ${columns} FROM client_grants
          WHERE (@clientId IS NULL OR client_id = @clientId) AND (@audience IS NULL OR audience = @audience)
          ORDER BY client_id, audience`,
      ),
      insert: db.prepare(
        `INSERT INTO client_grants (id, client_id, audience, scope, created_at, updated_at)
         VALUES (@id, @clientId, @audience, @scope, @now, @now)`,
      ),
      update: db.prepare<[string, number, string]>('UPDATE client_grants SET scope = ?, updated_at = ? WHERE id = ?'),
      delete: db.prepare<[string]>('DELETE FROM client_grants WHERE id = ?'),
    };
  }

  find(clientId: string, audience: string): ClientGrant | undefined {
    const row = this.s.find.get(clientId, this.audiences.toStored(audience));
    return row && this.toGrant(row);
  }

  findById(id: string): ClientGrant | undefined {
    const row = this.s.byId.get(id);
    return row && this.toGrant(row);
  }

  list(filter: { readonly clientId?: string; readonly audience?: string } = {}): ClientGrant[] {
    const audience = filter.audience === undefined ? null : this.audiences.toStored(filter.audience);
    return this.s.list.all({ clientId: filter.clientId ?? null, audience }).map((row) => this.toGrant(row));
  }

  create(input: Omit<ClientGrant, 'id'>): ClientGrant {
    const id = newId.clientGrant();
    try {
      this.s.insert.run({
        id,
        clientId: input.clientId,
        audience: this.audiences.toStored(input.audience),
        scope: JSON.stringify([...new Set(input.scope)]),
        now: this.clock(),
      });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new ClientGrantConflictError();
      throw error;
    }
    return this.mustFind(id);
  }

  updateScope(id: string, scope: readonly string[]): ClientGrant | undefined {
    if (this.s.update.run(JSON.stringify([...new Set(scope)]), this.clock(), id).changes === 0) return undefined;
    return this.mustFind(id);
  }

  delete(id: string): boolean {
    return this.s.delete.run(id).changes > 0;
  }

  private toGrant(row: Row): ClientGrant {
    return {
      id: row.id,
      clientId: row.client_id,
      audience: this.audiences.toWire(row.audience),
      scope: readJson(Scope, row.scope, 'scope'),
    };
  }

  private mustFind(id: string): ClientGrant {
    const grant = this.findById(id);
    if (!grant) throw new Error('client grant vanished right after it was written');
    return grant;
  }
}
