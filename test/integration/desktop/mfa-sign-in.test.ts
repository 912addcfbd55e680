import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesktopServices } from '../../../main/app/desktop-services';
import { keychainService, KeytarSecretStore } from '../../../main/secrets/keytar-secret-store';
import { demoProfile } from '../../support/desktop-profile';
import { startTestServer } from '../../support/server/start-test-server';
import { testSettings } from '../../support/test-settings';
import { totp } from '../../support/totp';

// MFA through the window's channels: the password sign-in asks for a second factor, main keeps the
// mfa_token, the window sends the code, and the session is established exactly like a password sign-in.
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const ourWindow = { frameUrl: 'app://gatehouse/index.html', isMainFrame: true };
const mfaUser = { realm: 'employees', username: 'mfa@example.com', password: 'Mfa-Demo-Passw0rd!' };

function app() {
  const profile = demoProfile(server.issuer, 'mfa');
  const services = createDesktopServices({
    settings: testSettings([profile]),
    secretStore: new KeytarSecretStore(),
    trustedOrigin: 'app://gatehouse',
    userAgent: 'Gatehouse/test',
  });
  const sent: unknown[] = [];
  const call = async (channel: string, payload: unknown) => {
    const answer = await services.router.handle(channel, ourWindow, payload);
    sent.push(answer);
    return answer as { ok: boolean; value?: Record<string, unknown>; error?: { code: string } };
  };
  return { profile, services, call, sent };
}

describe('MFA sign-in through IPC', () => {
  it('asks for a second factor, then completes with a TOTP code and keeps the session in the keychain', async () => {
    const { profile, services, call, sent } = app();
    const first = await call('auth:signIn', { profileId: profile.id, ...mfaUser });
    expect(first).toMatchObject({ ok: false, error: { code: 'mfa_required' } });

    const status = await call('mfa:status', {});
    expect(status.value).toMatchObject({ username: 'mfa@example.com', realm: 'employees' });
    const transactionId = String(status.value?.transactionId);
    expect(status.value?.authenticators).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'otp', active: true })]),
    );
    expect(Number(status.value?.expiresAt)).toBeGreaterThan(Date.now() + 8 * 60_000);

    const wrong = await call('mfa:verifyOtp', {
      transactionId,
      otp: totp('JBSWY3DPEHPK3PXP') === '000000' ? '111111' : '000000',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'mfa_invalid_code' } });

    const done = await call('mfa:verifyOtp', { transactionId, otp: totp('JBSWY3DPEHPK3PXP') });
    expect(done).toMatchObject({ ok: true, value: { username: 'mfa@example.com', storage: 'keychain' } });
    expect(done.value?.accessTokenClaims).toMatchObject({ sub: expect.stringMatching(/^auth0\|/) });
    expect(await keytar.getPassword(keychainService, `${profile.id}/employees/mfa@example.com`)).toMatch(/^v1\./);

    // The transaction is over, and no mfa_token or token ever reached the window.
    expect((await call('mfa:status', {})).value).toBeNull();
    expect(JSON.stringify(sent)).not.toMatch(/mfa_token|mfaToken|"v1\.|eyJ[A-Za-z0-9_-]+\.eyJ/);
    services.sessions.dispose();
  });

  it('ends a cancelled transaction', async () => {
    const { profile, call, services } = app();
    await call('auth:signIn', { profileId: profile.id, ...mfaUser });
    const status = await call('mfa:status', {});
    const transactionId = String(status.value?.transactionId);
    expect(await call('mfa:cancel', { transactionId })).toMatchObject({ ok: true, value: { cancelled: true } });
    expect(await call('mfa:verifyOtp', { transactionId, otp: totp('JBSWY3DPEHPK3PXP') })).toMatchObject({
      ok: false,
      error: { code: 'mfa_expired' },
    });
    services.sessions.dispose();
  });
});
