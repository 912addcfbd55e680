import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfileTokenClient } from '../../../../main/auth/profile-token-client';
import { keychainService, KeytarSecretStore } from '../../../../main/secrets/keytar-secret-store';
import { SessionManager } from '../../../../main/session/session-manager';
import { fixedProfiles } from '../../../../main/session/session-profiles';
import { Profile } from '../../../../main/settings/profile';
import { startOAuth2TestServer, type OAuth2TestServer } from '../../../support/oauth2-test-server/oauth2-test-server';
import { testNetwork } from './reference-clients';

// The generic `oauth2` profile end to end without a window: the real token client (discovery, lower-case
// bearer, errors with only a code), the real session manager, and keytar against gnome-keyring.

let generic: OAuth2TestServer;
beforeAll(async () => {
  generic = await startOAuth2TestServer();
});
afterAll(() => generic.close());

function sessionsFor(profile: Profile): SessionManager {
  const grants = createProfileTokenClient(profile, { ...testNetwork(), clientSecret: 'generic-secret' });
  if (!grants.ok) throw new Error(grants.error.message);
  return new SessionManager({
    profiles: fixedProfiles([{ profile, grants: grants.value }]),
    secretStore: new KeytarSecretStore(),
  });
}

const genericProfile = () =>
  Profile.parse({
    id: `generic-${randomUUID().slice(0, 8)}`,
    name: 'Generic OAuth 2.0 server (test)',
    kind: 'oauth2',
    issuer: generic.issuerOf('employees'),
    clientId: 'generic-confidential',
    clientAuth: 'client_secret_basic',
    scope: 'openid offline_access',
  });

describe('an oauth2 profile through the session manager', () => {
  it('signs in, refreshes keeping the old refresh token, and signs out with revocation', async () => {
    const profile = genericProfile();
    const sessions = sessionsFor(profile);
    try {
      const signedIn = await sessions.signIn({
        profileId: profile.id,
        realm: null,
        username: 'alice',
        password: 'alice-generic-pass',
      });
      if (!signedIn.ok) throw new Error(signedIn.error.message);
      expect(signedIn.value).toMatchObject({ storage: 'keychain', renewable: true, user: { sub: 'employees:alice' } });
      const accountId = signedIn.value.accountId;
      const stored = await keytar.getPassword(keychainService, accountId);
      expect(stored).toBeTruthy();

      const refreshed = await sessions.refresh(accountId);
      if (!refreshed.ok) throw new Error(refreshed.error.message);
      // No rotation: the server sent no refresh token, so the old one is kept, in memory and in the keychain.
      expect(refreshed.value.refreshToken).toBe(stored);
      expect(await keytar.getPassword(keychainService, accountId)).toBe(stored);
      expect(generic.requests.at(-1)?.form).toMatchObject({ grant_type: 'refresh_token', refresh_token: stored });

      expect(await sessions.signOut(accountId)).toEqual({ ok: true, value: { signedOut: true } });
      expect(generic.isRevoked(stored ?? '')).toBe(true);
      expect(await keytar.getPassword(keychainService, accountId)).toBeNull();
    } finally {
      sessions.dispose();
    }
  });

  it('shows a wrong password in plain words, with only the server’s bare `error` as detail', async () => {
    const profile = genericProfile();
    const sessions = sessionsFor(profile);
    const result = await sessions.signIn({ profileId: profile.id, realm: null, username: 'alice', password: 'nope' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_credentials',
        message: 'The username or password is wrong.',
        nextStep: expect.any(String),
        detail: { status: 400, error: 'invalid_grant' },
      },
    });
    sessions.dispose();
  });
});
