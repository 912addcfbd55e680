import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesktopServices } from '../../../main/app/desktop-services';
import { KeytarSecretStore } from '../../../main/secrets/keytar-secret-store';
import { alice, demoProfile } from '../../support/desktop-profile';
import { startCountingProxy } from '../../support/counting-proxy';
import { testSettings } from '../../support/test-settings';
import { startTestServer } from '../../support/server/start-test-server';

// The router as the window reaches it, with the real services behind it.
let server: Awaited<ReturnType<typeof startTestServer>>;
// Every request goes through this counter, so a test can tell whether anything reached the server.
let proxy: Awaited<ReturnType<typeof startCountingProxy>>;
beforeAll(async () => {
  server = await startTestServer();
  proxy = await startCountingProxy(server.url);
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});

const ourWindow = { frameUrl: 'app://gatehouse/index.html', isMainFrame: true };

function services() {
  const profile = demoProfile(proxy.url, 'ipc');
  const built = createDesktopServices({
    settings: testSettings([profile]),
    secretStore: new KeytarSecretStore(),
    trustedOrigin: 'app://gatehouse',
    userAgent: 'Gatehouse/test',
  });
  return { profile, ...built };
}

describe('IPC router with the real services', () => {
  it('signs in for our window and returns claims but no token', async () => {
    const { profile, router } = services();
    const result = await router.handle('auth:signIn', ourWindow, { profileId: profile.id, ...alice });
    expect(result).toMatchObject({ ok: true, value: { username: alice.username, storage: 'keychain' } });
    expect(JSON.stringify(result)).not.toMatch(/v1\.|eyJ[A-Za-z0-9_-]+\.eyJ|Alice-Demo-Passw0rd!/);
  });

  it('refuses a frame from another origin before any network call', async () => {
    const { profile, router, sessions } = services();
    const requestsBefore = [...proxy.grants.values()].reduce((sum, count) => sum + count, 0);
    const result = await router.handle(
      'auth:signIn',
      { frameUrl: 'https://attacker.example/', isMainFrame: true },
      { profileId: profile.id, ...alice },
    );
    expect(!result.ok && result.error.code).toBe('forbidden_sender');
    expect(sessions.active()).toBeNull();
    expect([...proxy.grants.values()].reduce((sum, count) => sum + count, 0)).toBe(requestsBefore);
  });

  it('returns the translated server error as a value', async () => {
    const { profile, router } = services();
    const result = await router.handle('auth:signIn', ourWindow, { profileId: profile.id, ...alice, password: 'nope' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_credentials', detail: { error: 'invalid_grant' } },
    });
  });

  it('reports the active profile for the login screen', async () => {
    const { profile, router } = services();
    const result = await router.handle('profile:active', ourWindow, {});
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        profileId: profile.id,
        realms: ['employees', 'contractors'],
        defaultRealm: 'employees',
      }),
    });
  });
});
