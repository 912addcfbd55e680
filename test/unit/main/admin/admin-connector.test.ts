import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '../../../../common/ipc/session.schema';
import { managementAccount } from '../../../../main/admin/admin-connector';
import { managementAudience, managementBaseUrl } from '../../../../main/admin/management-client';
import { Profile } from '../../../../main/settings/profile';

const issuer = 'https://tenant.example/';
const profiles: Record<string, Profile> = {
  auth0: Profile.parse({ id: 'auth0', name: 'Tenant', kind: 'auth0', issuer, clientId: 'desktop' }),
  keycloak: Profile.parse({
    id: 'keycloak',
    name: 'Keycloak',
    kind: 'oauth2',
    issuer: 'https://kc.example/',
    clientId: 'desktop',
  }),
};

function account(accountId: string, profileId: string, aud: unknown): SessionSummary {
  return {
    accountId,
    profileId,
    realm: 'employees',
    username: accountId,
    user: { sub: `auth0|${accountId}` },
    scope: 'read:users',
    expiresAt: 0,
    renewable: false,
    storage: 'memory',
    locked: false,
    idTokenClaims: null,
    accessTokenClaims: { aud } as SessionSummary['accessTokenClaims'] & object,
  };
}

const sessions = (accounts: SessionSummary[], active: SessionSummary | null) => ({
  accounts: () => accounts,
  active: () => active,
});
const profileOf = (id: string) => profiles[id];
const mgmt = managementAudience(issuer);

describe('which signed-in account administers', () => {
  it('builds the Management API address and audience from the issuer, trailing slash included', () => {
    expect(managementBaseUrl('https://tenant.example')).toBe('https://tenant.example/api/v2/');
    expect(mgmt).toBe('https://tenant.example/api/v2/');
  });

  it('prefers the active account when its token is for the Management API', () => {
    const everyday = account('alice', 'auth0', 'https://api.example/');
    const admin = account('admin', 'auth0', [mgmt, `${issuer}userinfo`]);
    const other = account('other-admin', 'auth0', mgmt);
    expect(managementAccount(sessions([everyday, other, admin], admin), profileOf, undefined)).toMatchObject({
      ok: true,
      value: { session: { accountId: 'admin' } },
    });
    // The everyday session is active: the first Management API account is used instead.
    expect(managementAccount(sessions([everyday, other, admin], everyday), profileOf, undefined)).toMatchObject({
      ok: true,
      value: { session: { accountId: 'other-admin' } },
    });
  });

  it('refuses a named account whose token is for another API, saying which audience to sign in with', () => {
    const everyday = account('alice', 'auth0', 'https://api.example/');
    expect(managementAccount(sessions([everyday], everyday), profileOf, 'alice')).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in', nextStep: `Sign in again with ${mgmt} as the audience.` },
    });
  });

  it('names the signed-in accounts that are not for the Management API', () => {
    const everyday = account('alice', 'auth0', 'https://api.example/');
    expect(managementAccount(sessions([everyday], everyday), profileOf, undefined)).toMatchObject({
      ok: false,
      error: {
        code: 'not_signed_in',
        message: 'No one is signed in to the admin pane: alice is not signed in to the Management API.',
      },
    });
  });

  it('says nobody is signed in to the admin pane when there is no such account', () => {
    expect(managementAccount(sessions([], null), profileOf, undefined)).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in', message: 'No one is signed in to the admin pane.' },
    });
  });

  it('refuses a generic OAuth 2.0 profile: it has no Auth0 Management API', () => {
    const kc = account('kc', 'keycloak', 'https://kc.example/api/v2/');
    expect(managementAccount(sessions([kc], kc), profileOf, 'kc')).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringMatching(/generic OAuth 2.0 server/) },
    });
  });
});
