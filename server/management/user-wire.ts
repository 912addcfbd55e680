import type { UserRecord } from '../storage/admin/user-admin';
import { userSubject } from '../tenant/model';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Auth0's user object (auth0-wire.md §7.4). Absent values are left out rather than sent as null, as
 * Auth0 does. `multifactor` lists `guardian` when the user has an active authenticator.
 */
export function userWire(user: UserRecord, hasActiveMfa: boolean): Record<string, unknown> {
  const optional: [string, unknown][] = [
    ['email', user.email],
    ['username', user.username],
    ['name', user.name],
    ['nickname', user.nickname],
    ['given_name', user.givenName],
    ['family_name', user.familyName],
    ['picture', user.picture],
    ['last_ip', user.lastIp],
    ['last_login', user.lastLogin === null ? null : iso(user.lastLogin)],
  ];
  const wire: Record<string, unknown> = {
    user_id: userSubject(user),
    email_verified: user.emailVerified,
    created_at: iso(user.createdAt),
    updated_at: iso(user.updatedAt),
    identities: [{ connection: user.connectionName, provider: 'auth0', user_id: user.id, isSocial: false }],
    app_metadata: user.appMetadata,
    user_metadata: user.userMetadata,
    logins_count: user.loginsCount,
    blocked: user.blocked,
  };
  for (const [key, value] of optional) if (value !== null && value !== undefined) wire[key] = value;
  if (hasActiveMfa) wire['multifactor'] = ['guardian'];
  return wire;
}

/** The part of a wire user id after `auth0|`, or undefined when it is not a database user's id. */
export function userIdFromWire(wireId: string | undefined): string | undefined {
  if (wireId === undefined || !wireId.startsWith('auth0|')) return undefined;
  const id = wireId.slice('auth0|'.length);
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : undefined;
}

/**
 * Auth0's metadata update rule: the patch is merged into the stored object at the top level, and a key
 * set to null is removed.
 */
export function mergeMetadata(
  current: Readonly<Record<string, unknown>>,
  patch: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const removed = new Set(Object.keys(patch).filter((key) => patch[key] === null));
  const kept = Object.entries({ ...current, ...patch }).filter(([key]) => !removed.has(key));
  // fromEntries defines own properties, so a key such as `constructor` stays plain data.
  return Object.fromEntries(kept);
}
