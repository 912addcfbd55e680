import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import keytar from 'keytar';
import { TokenClient } from '../../../main/auth/token-client';
import { createHttpClient } from '../../../main/net/http-client';
import { keychainService, KeytarSecretStore } from '../../../main/secrets/keytar-secret-store';
import { SessionManager } from '../../../main/session/session-manager';
import { fixedProfiles } from '../../../main/session/session-profiles';
import { auth0Endpoints } from '../../../main/auth/server-endpoints';
import type { Profile } from '../../../main/settings/profile';
import { alice, demoProfile } from '../../support/desktop-profile';
import { startTestServer } from '../../support/server/start-test-server';

// The walking skeleton end to end without a window: main's real token client and session manager,
// the reference server over HTTP on 127.0.0.1, and keytar against gnome-keyring (scripts/with-keyring).

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function tokenClientFor(profile: Profile): TokenClient {
  const endpoints = auth0Endpoints(profile);
  return new TokenClient({
    http: createHttpClient({ userAgent: 'Gatehouse/test' }),
    tokenEndpoint: endpoints.token,
    revocationEndpoint: endpoints.revocation,
    clientId: profile.clientId,
    clientAuth: { method: 'none' },
  });
}

function sessionsFor(profile: Profile): SessionManager {
  return new SessionManager({
    profiles: fixedProfiles([{ profile, grants: tokenClientFor(profile) }]),
    secretStore: new KeytarSecretStore(),
  });
}

const accountOf = (profile: Profile, realm: string, username: string) => `${profile.id}/${realm}/${username}`;

describe('sign-in through main against the reference server', () => {
  it('signs alice in to employees and keeps her refresh token in the keychain', async () => {
    const profile = demoProfile(server.issuer);
    const result = await sessionsFor(profile).signIn({ profileId: profile.id, ...alice });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({
      realm: 'employees',
      username: 'alice@example.com',
      storage: 'keychain',
      renewable: true,
      user: { email: 'alice@example.com', sub: expect.stringMatching(/^auth0\|/) },
    });
    expect(result.value.idTokenClaims).toMatchObject({ iss: server.issuer, aud: 'gatehouse-desktop' });
    expect(result.value.expiresAt).toBeGreaterThan(Date.now());
    const stored = await keytar.getPassword(keychainService, accountOf(profile, 'employees', alice.username));
    expect(stored).toMatch(/^v1\./);
  });

  it('answers a wrong password with invalid_credentials and Auth0’s exact words, storing nothing', async () => {
    const profile = demoProfile(server.issuer);
    const result = await sessionsFor(profile).signIn({ profileId: profile.id, ...alice, password: 'not-her-password' });
    expect(!result.ok && result.error).toMatchObject({
      code: 'invalid_credentials',
      detail: { status: 403, error: 'invalid_grant', errorDescription: 'Wrong email or password.' },
    });
    expect(await keytar.findCredentials(keychainService)).not.toContainEqual(
      expect.objectContaining({ account: accountOf(profile, 'employees', alice.username) }),
    );
  });

  it('gives an unknown user a byte-identical answer to a wrong password', async () => {
    const post = (username: string) =>
      fetch(new URL('oauth/token', server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
          client_id: 'gatehouse-desktop',
          realm: 'employees',
          username,
          password: 'not-the-password',
        }),
      });
    const [wrongPassword, unknownUser] = await Promise.all([post(alice.username), post('nobody@example.com')]);
    expect(unknownUser.status).toBe(wrongPassword.status);
    expect(await unknownUser.text()).toBe(await wrongPassword.text());

    const profile = demoProfile(server.issuer);
    const viaMain = await sessionsFor(profile).signIn({
      profileId: profile.id,
      ...alice,
      username: 'nobody@example.com',
    });
    expect(!viaMain.ok && viaMain.error.code).toBe('invalid_credentials');
  });

  it('refuses an unknown realm with a realm error', async () => {
    const profile = demoProfile(server.issuer);
    const result = await sessionsFor(profile).signIn({ profileId: profile.id, ...alice, realm: 'no-such-realm' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.detail?.status).toBeGreaterThanOrEqual(400);
    expect(!result.ok && result.error.code).not.toBe('internal');
  });

  it('rotates the refresh token on refresh, and the server refuses the old one afterwards', async () => {
    const profile = demoProfile(server.issuer);
    const client = tokenClientFor(profile);
    const first = await client.passwordGrant({ ...alice, scope: 'openid profile email offline_access' });
    if (!first.ok || first.value.refreshToken === undefined) throw new Error('no refresh token issued');
    const rotated = await client.refresh(first.value.refreshToken);
    if (!rotated.ok) throw new Error(rotated.error.message);
    expect(rotated.value.refreshToken).toMatch(/^v1\./);
    expect(rotated.value.refreshToken).not.toBe(first.value.refreshToken);

    const reused = await client.refresh(first.value.refreshToken);
    expect(!reused.ok && reused.error).toMatchObject({
      code: 'session_expired',
      detail: { status: 403, error: 'invalid_grant', errorDescription: 'Unknown or invalid refresh token.' },
    });
  });

  it('restores a fresh session manager from the keychain, writing the rotated token', async () => {
    const profile = demoProfile(server.issuer);
    const account = accountOf(profile, 'employees', alice.username);
    await sessionsFor(profile).signIn({ profileId: profile.id, ...alice });
    const before = await keytar.getPassword(keychainService, account);

    const restarted = sessionsFor(profile);
    const restored = await restarted.restore();
    expect(restored.ok && restored.value?.username).toBe(alice.username);
    expect(restored.ok && restored.value?.storage).toBe('keychain');
    const after = await keytar.getPassword(keychainService, account);
    expect(after).toMatch(/^v1\./);
    expect(after).not.toBe(before);
  });

  it('deletes a stored token the server no longer accepts, and says the session expired', async () => {
    const profile = demoProfile(server.issuer);
    const account = accountOf(profile, 'employees', alice.username);
    await keytar.setPassword(keychainService, account, 'v1.not-a-real-token');
    const sessions = sessionsFor(profile);
    const notices: string[] = [];
    sessions.onChanged((change) => change.notice && notices.push(change.notice));
    const restored = await sessions.restore();
    expect(restored.ok && restored.value).toBeNull();
    expect(await keytar.getPassword(keychainService, account)).toBeNull();
    expect(notices.join(' ')).toMatch(/expired/);
  });

  it('signs out by revoking at the server and removing the keychain entry', async () => {
    const profile = demoProfile(server.issuer);
    const account = accountOf(profile, 'employees', alice.username);
    const sessions = sessionsFor(profile);
    await sessions.signIn({ profileId: profile.id, ...alice });
    const stored = await keytar.getPassword(keychainService, account);
    if (stored === null) throw new Error('nothing stored');

    const result = await sessions.signOut();
    expect(result.ok && result.value.signedOut).toBe(true);
    expect(await keytar.getPassword(keychainService, account)).toBeNull();
    const afterRevoke = await tokenClientFor(profile).refresh(stored);
    expect(!afterRevoke.ok && afterRevoke.error.code).toBe('session_expired');
  });
});
