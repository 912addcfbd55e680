import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDesktopServices } from '../../../../main/app/desktop-services';
import { KeytarSecretStore } from '../../../../main/secrets/keytar-secret-store';
import { alice, demoProfile } from '../../../support/desktop-profile';
import { startTestServer, type TestServer } from '../../../support/server/start-test-server';
import { testSettings } from '../../../support/test-settings';

// The inspect:* channels as the window reaches them: the real router, session manager and inspector,
// against the reference server. The window names the session's token; main looks it up.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

// Each test signs alice in with the real keychain; sign her out so no entry outlives the test.
let signOut: (() => Promise<unknown>) | undefined;
afterEach(async () => {
  await signOut?.();
  signOut = undefined;
});

const ourWindow = { frameUrl: 'app://gatehouse/index.html', isMainFrame: true };
const jwtShape = /eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+/;

async function signedIn() {
  const profile = demoProfile(server.issuer, 'inspect-ipc');
  const services = createDesktopServices({
    settings: testSettings([profile]),
    secretStore: new KeytarSecretStore(),
    trustedOrigin: 'app://gatehouse',
    userAgent: 'Gatehouse/test',
  });
  const signIn = await services.router.handle('auth:signIn', ourWindow, { profileId: profile.id, ...alice });
  expect(signIn.ok).toBe(true);
  signOut = () => services.router.handle('auth:signOut', ourWindow, {});
  return services;
}

describe('inspect channels', () => {
  it('verifies the session’s access token in main, and sends back checks but no token', async () => {
    const { router, sessions } = await signedIn();
    const result = await router.handle('inspect:verify', ourWindow, { token: { source: 'session', which: 'access' } });
    expect(result).toMatchObject({ ok: true, value: { valid: true, decoded: { likelyKind: 'access' } } });
    const serialized = JSON.stringify(result);
    expect(serialized).not.toMatch(jwtShape);
    const accessToken = await sessions.accessToken();
    expect(accessToken.ok && serialized.includes(accessToken.value.split('.')[2] ?? '')).toBe(false);
  });

  it('decodes, diffs and bundles a pasted token through the router', async () => {
    const { router, sessions } = await signedIn();
    const accessToken = await sessions.accessToken();
    if (!accessToken.ok) throw new Error(accessToken.error.message);
    const decoded = await router.handle('inspect:decode', ourWindow, { token: `Bearer ${accessToken.value}` });
    expect(decoded).toMatchObject({ ok: true, value: { format: 'jws', claims: { azp: 'gatehouse-desktop' } } });
    const diff = await router.handle('inspect:diff', ourWindow, {
      before: { source: 'session', which: 'access' },
      after: accessToken.value,
    });
    expect(diff).toMatchObject({ ok: true, value: { changes: [] } });
    const bundle = await router.handle('inspect:supportBundle', ourWindow, { tokens: [accessToken.value] });
    expect(bundle.ok).toBe(true);
    expect(JSON.stringify(bundle)).not.toMatch(/alice@example\.com|auth0\|/);
    expect(JSON.stringify(bundle)).not.toMatch(jwtShape);
  });

  it('refuses another origin and malformed input before doing anything', async () => {
    const { router } = await signedIn();
    const foreign = await router.handle(
      'inspect:verify',
      { frameUrl: 'https://attacker.example/', isMainFrame: true },
      { token: { source: 'session', which: 'access' } },
    );
    expect(!foreign.ok && foreign.error.code).toBe('forbidden_sender');
    const malformed = await router.handle('inspect:decode', ourWindow, {
      token: { source: 'keychain', which: 'refresh' },
    });
    expect(!malformed.ok && malformed.error.code).toBe('invalid_input');
  });
});
