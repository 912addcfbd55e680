import { formatIsoDate } from '../../../components/time-format';
import type { User } from '../../../../common/admin/user.schema';

/** How a user is named on screen: e-mail, else username, else name, else the id. */
export function userLabel(user: Pick<User, 'user_id' | 'email' | 'username' | 'name'>): string {
  return user.email ?? user.username ?? user.name ?? user.user_id;
}

/** The realm (database connection) a user belongs to, from the first identity. */
export function userRealm(user: Pick<User, 'identities'>): string | undefined {
  return user.identities?.[0]?.connection;
}

/** An ISO date from the Management API, in the reader's own locale; undefined stays undefined. */
export function readableDate(iso: string | undefined): string | undefined {
  return iso === undefined ? undefined : formatIsoDate(iso);
}
