import { randomUUID } from 'node:crypto';
import { Profile } from '../../main/settings/profile';

/**
 * A profile for the demo tenant on a test server. Each test gets its own profile id, so test files that
 * share one keyring (they run in parallel inside scripts/with-keyring) never see each other's entries.
 */
export function demoProfile(issuer: string, name = 'test'): Profile {
  return Profile.parse({
    id: `${name}-${randomUUID().slice(0, 8)}`,
    name: 'Demo tenant (test)',
    kind: 'auth0',
    issuer,
    clientId: 'gatehouse-desktop',
    realms: ['employees', 'contractors'],
    defaultRealm: 'employees',
  });
}

export const alice = { realm: 'employees', username: 'alice@example.com', password: 'Alice-Demo-Passw0rd!' } as const;
