import type { Clock } from '../../config';
import type { ClientRepository } from '../client-repository';
import type { SqliteDatabase } from '../database';
import type { ClientAdmin } from './client-admin';
import { SqliteClientAdmin } from './client-admin';
import type { ConnectionAdmin } from './connection-admin';
import { SqliteConnectionAdmin } from './connection-admin';
import type { ResourceServerAdmin } from './resource-server-admin';
import { SqliteResourceServerAdmin } from './resource-server-admin';
import type { UserAdmin } from './user-admin';
import { SqliteUserAdmin } from './user-admin';

/** The admin-only stores behind the Management API (issue #5). Wiring only. */
export interface AdminRepositories {
  readonly connections: ConnectionAdmin;
  readonly clients: ClientAdmin;
  readonly resourceServers: ResourceServerAdmin;
  readonly users: UserAdmin;
}

/** Builds them over `db`; clients are read through the shared `ClientRepository`. */
export function createAdminRepositories(
  db: SqliteDatabase,
  clients: ClientRepository,
  clock: Clock,
): AdminRepositories {
  return {
    connections: new SqliteConnectionAdmin(db, clock),
    clients: new SqliteClientAdmin(db, clients, clock),
    resourceServers: new SqliteResourceServerAdmin(db, clock),
    users: new SqliteUserAdmin(db, clock),
  };
}
