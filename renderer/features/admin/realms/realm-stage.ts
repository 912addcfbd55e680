import type { AppResult } from '../../../../common/errors/app-error';
import { appError } from '../../../../common/errors/app-error';
import { err, ok } from '../../../../common/result';
import {
  adminGetConnection,
  adminListConnectionClients,
  adminSetConnectionClients,
  adminUpdateConnection,
} from '../../../api/gatehouse';
import type { Json, StageRequest } from '../staging/staged-change';
import { RealmSettings } from './realm-options';

/** The realm's editable settings as the tenant holds them now. */
export async function readRealmSettings(id: string): Promise<AppResult<RealmSettings>> {
  const [connection, clients] = await Promise.all([adminGetConnection(id), adminListConnectionClients(id)]);
  if (!connection.ok) return connection;
  if (!clients.ok) return clients;
  return ok({
    display_name: connection.value.display_name ?? '',
    options: connection.value.options ?? {},
    // `/connections/{id}/clients` rather than the deprecated `enabled_clients` field (auth0-wire.md §7.2).
    enabled_clients: clients.value.map((client) => client.client_id).sort(),
  });
}

/**
 * Writes settings: one PATCH with `display_name` and the whole `options` (never `name` or `strategy`, which Auth0
 * refuses to change, nor the deprecated `enabled_clients`), then the enabled clients switched one by one through
 * `PATCH /connections/{id}/clients`. Answers what the tenant holds afterwards.
 */
export async function writeRealmSettings(id: string, value: Json): Promise<AppResult<RealmSettings>> {
  const parsed = RealmSettings.safeParse(value);
  if (!parsed.success) return err(appError('invalid_input', 'The staged realm change is not in the expected shape.'));
  const wanted = parsed.data;
  const live = await readRealmSettings(id);
  if (!live.ok) return live;
  const patched = await adminUpdateConnection(id, {
    ...(wanted.display_name === '' && live.value.display_name === '' ? {} : { display_name: wanted.display_name }),
    options: wanted.options,
  });
  if (!patched.ok) return patched;
  const had = new Set(live.value.enabled_clients);
  const wants = new Set(wanted.enabled_clients);
  const changes = [
    ...[...wants].filter((client) => !had.has(client)).map((client_id) => ({ client_id, status: true })),
    ...[...had].filter((client) => !wants.has(client)).map((client_id) => ({ client_id, status: false })),
  ];
  if (changes.length > 0) {
    const switched = await adminSetConnectionClients(id, changes);
    if (!switched.ok) return switched;
  }
  return readRealmSettings(id);
}

/** A realm settings change for the pending-changes tray. */
export function realmStageRequest(id: string, name: string, base: RealmSettings, draft: RealmSettings): StageRequest {
  return {
    key: `realm:${id}`,
    area: 'realm',
    title: `Realm “${name}”: settings`,
    base,
    draft,
    readLive: () => readRealmSettings(id),
    write: (value) => writeRealmSettings(id, value),
  };
}
