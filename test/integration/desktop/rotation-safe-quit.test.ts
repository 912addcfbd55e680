import { EventEmitter } from 'node:events';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDesktopServices } from '../../../main/app/desktop-services';
import { installRotationSafeQuit } from '../../../main/app/rotation-safe-quit';
import type { Logger } from '../../../main/logging/logger';
import { keychainService, KeytarSecretStore } from '../../../main/secrets/keytar-secret-store';
import { startCountingProxy } from '../../support/counting-proxy';
import { alice, demoProfile } from '../../support/desktop-profile';
import { startTestServer } from '../../support/server/start-test-server';
import { testSettings } from '../../support/test-settings';

// Issue #10: quitting while a refresh is on the wire. The real reference server rotates alice's refresh
// token; the proxy holds its answer back, so the app quits (Cmd+Q: before-quit only) between the server's
// rotation and the keychain write. The quit must wait for the write, or the next launch finds a retired
// token and says the session expired.
let server: Awaited<ReturnType<typeof startTestServer>>;
let proxy: Awaited<ReturnType<typeof startCountingProxy>>;
beforeAll(async () => {
  server = await startTestServer();
  proxy = await startCountingProxy(server.url);
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});

/** Electron's app as the quit guard sees it: quit emits before-quit and goes ahead unless prevented. */
class QuittingApp extends EventEmitter {
  quits = 0;
  quit(): void {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.quits += 1;
  }
}

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('rotation-safe quit', () => {
  it('waits for a rotated refresh token to reach the keychain, drops the tokens, and the next launch restores', async () => {
    const profile = demoProfile(proxy.url, 'quit');
    const settings = testSettings([profile]);
    const launch = () =>
      createDesktopServices({
        settings,
        secretStore: new KeytarSecretStore(),
        trustedOrigin: 'app://gatehouse',
        userAgent: 'Gatehouse/test',
      }).sessions;

    const sessions = launch();
    const signedIn = await sessions.signIn({ profileId: profile.id, ...alice });
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const account = signedIn.value.accountId;
    const before = await keytar.getPassword(keychainService, account);
    expect(before).toMatch(/^v1\./);

    const held = proxy.holdNext('refresh_token');
    const refreshing = sessions.refresh(account);
    await held.reached; // the server has rotated the token; the app has not heard yet

    const app = new QuittingApp();
    installRotationSafeQuit(app, sessions, silent);
    app.quit();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(app.quits).toBe(0);
    expect(await keytar.getPassword(keychainService, account)).toBe(before);

    held.release();
    await vi.waitFor(() => expect(app.quits).toBe(1));
    const after = await keytar.getPassword(keychainService, account);
    expect(after).toMatch(/^v1\./);
    expect(after).not.toBe(before);
    expect((await refreshing).ok).toBe(true);
    expect(sessions.active()).toBeNull(); // tokens dropped from memory on the way out

    const relaunched = launch();
    const restored = await relaunched.restore();
    expect(restored).toMatchObject({ ok: true, value: { accountId: account, username: 'alice@example.com' } });
    await relaunched.signOut(account);
    relaunched.dispose();
  });
});
