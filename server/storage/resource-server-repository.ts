import { z } from 'zod';
import type { Clock } from '../config';
import type { ResourceServer } from '../tenant/model';
import type { SqliteDatabase } from './database';
import { newId } from './ids';
import { readJson, toFlag } from './json-column';

/** The tenant's own APIs. Auth0's system APIs are not stored (see tenant/resource-server-directory.ts). */
export interface ResourceServerRepository {
  findByIdentifier(identifier: string): ResourceServer | undefined;
  create(input: Omit<ResourceServer, 'id' | 'isSystem'>): ResourceServer;
}

/** A `resource_servers` row as SQLite returns it. */
export interface ResourceServerRow {
  id: string;
  identifier: string;
  name: string;
  scopes: string;
  allow_offline_access: number;
  token_lifetime: number;
  signing_alg: string;
  enforce_policies: number;
  token_dialect: string;
}

const Scopes = z.array(z.object({ value: z.string(), description: z.string().default('') }));
const SigningAlg = z.literal('RS256');
const TokenDialect = z.enum(['access_token', 'access_token_authz']);

/** Maps a row to the domain ResourceServer; the admin store adds its extra fields on top of this. */
export function toResourceServer(row: ResourceServerRow): ResourceServer {
  return {
    id: row.id,
    identifier: row.identifier,
    name: row.name,
    scopes: readJson(Scopes, row.scopes, 'scopes'),
    allowOfflineAccess: row.allow_offline_access === 1,
    tokenLifetime: row.token_lifetime,
    signingAlg: SigningAlg.parse(row.signing_alg),
    enforcePolicies: row.enforce_policies === 1,
    tokenDialect: TokenDialect.parse(row.token_dialect),
    isSystem: false,
  };
}

/** SQLite-backed resource servers. */
export class SqliteResourceServerRepository implements ResourceServerRepository {
  private readonly byIdentifier;
  private readonly insert;

  constructor(
    db: SqliteDatabase,
    private readonly clock: Clock,
  ) {
    this.byIdentifier = db.prepare<[string], ResourceServerRow>(
      `SELECT id, identifier, name, scopes, allow_offline_access, token_lifetime, signing_alg, enforce_policies,
              token_dialect
         FROM resource_servers WHERE identifier = ?`,
    );
    this.insert = db.prepare(
      `INSERT INTO resource_servers (id, identifier, name, scopes, allow_offline_access, token_lifetime, signing_alg,
                                     enforce_policies, token_dialect, created_at, updated_at)
       VALUES (@id, @identifier, @name, @scopes, @offline, @lifetime, @alg, @enforce, @dialect, @now, @now)`,
    );
  }

  findByIdentifier(identifier: string): ResourceServer | undefined {
    const row = this.byIdentifier.get(identifier);
    return row && toResourceServer(row);
  }

  create(input: Omit<ResourceServer, 'id' | 'isSystem'>): ResourceServer {
    const server: ResourceServer = { ...input, id: newId.resourceServer(), isSystem: false };
    this.insert.run({
      id: server.id,
      identifier: server.identifier,
      name: server.name,
      scopes: JSON.stringify(server.scopes),
      offline: toFlag(server.allowOfflineAccess),
      lifetime: server.tokenLifetime,
      alg: server.signingAlg,
      enforce: toFlag(server.enforcePolicies),
      dialect: server.tokenDialect,
      now: this.clock(),
    });
    return server;
  }
}
