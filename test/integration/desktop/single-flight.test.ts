import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesktopServices } from '../../../main/app/desktop-services';
import { KeytarSecretStore } from '../../../main/secrets/keytar-secret-store';
import { alice, demoProfile } from '../../support/desktop-profile';
import { startCountingProxy } from '../../support/counting-proxy';
import { startTestServer } from '../../support/server/start-test-server';
import { testSettings } from '../../support/test-settings';

// design/security.md, "Refresh": 20 concurrent callers cause exactly one refresh request, counted on the
// wire in front of the real server.
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

describe('refresh', () => {
  it('sends exactly one refresh request for 20 concurrent callers, and all of them get the new token', async () => {
    const profile = demoProfile(proxy.url, 'flight');
    const { sessions } = createDesktopServices({
      settings: testSettings([profile]),
      secretStore: new KeytarSecretStore(),
      trustedOrigin: 'app://gatehouse',
      userAgent: 'Gatehouse/test',
    });
    const signedIn = await sessions.signIn({ profileId: profile.id, ...alice });
    if (!signedIn.ok) throw new Error(signedIn.error.message);

    const callers = await Promise.all(Array.from({ length: 20 }, () => sessions.refresh(signedIn.value.accountId)));
    expect(proxy.grants.get('refresh_token')).toBe(1);
    expect(callers.every((outcome) => outcome.ok)).toBe(true);
    const tokens = new Set(callers.map((outcome) => (outcome.ok ? outcome.value.tokens?.accessToken : undefined)));
    expect(tokens.size).toBe(1);
    sessions.dispose();
  });

  it('refreshes once on a 401 from an API, then retries once', async () => {
    const profile = demoProfile(proxy.url, 'api401');
    const { sessions } = createDesktopServices({
      settings: testSettings([profile]),
      secretStore: new KeytarSecretStore(),
      trustedOrigin: 'app://gatehouse',
      userAgent: 'Gatehouse/test',
    });
    await sessions.signIn({ profileId: profile.id, ...alice });
    const before = proxy.grants.get('refresh_token') ?? 0;
    let calls = 0;
    const answer = await sessions.withAccessToken(undefined, async () => ({ status: ++calls === 1 ? 401 : 200 }));
    expect(answer.ok && answer.value.status).toBe(200);
    expect(calls).toBe(2);
    expect((proxy.grants.get('refresh_token') ?? 0) - before).toBe(1);
    sessions.dispose();
  });
});
