import type { ProfileSummary } from '../../../common/ipc/profile.contract';

/** The demo profile as the login screen receives it, with fields a test overrides. */
export function demoProfile(overrides: Partial<ProfileSummary> = {}): ProfileSummary {
  return {
    profileId: 'demo',
    name: 'Gatehouse demo tenant',
    kind: 'auth0',
    issuer: 'http://127.0.0.1:4000/',
    clientId: 'gatehouse-desktop',
    realms: ['employees', 'contractors'],
    defaultRealm: 'employees',
    scope: 'openid profile email offline_access',
    extraParams: {},
    realmsByDomain: {},
    pinnedRealm: null,
    lastRealms: {},
    keepSessionsAllowed: true,
    ...overrides,
  };
}
