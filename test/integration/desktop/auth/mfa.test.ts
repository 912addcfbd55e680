import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppResult } from '../../../../common/errors/app-error';
import type { MfaPending } from '../../../../main/auth/mfa-client';
import type { PasswordGrantInput, TokenClient } from '../../../../main/auth/token-client';
import { demo } from '../../../support/server/demo-tenant';
import { startTestServer, type TestServer } from '../../../support/server/start-test-server';
import { totp as totpAt } from '../../../support/totp';
import { management, type Management } from './management';
import { clientFor, testNetwork } from './reference-clients';

// The MFA path of spec/auth0-wire.md §4 against the reference server: the seeded TOTP user, enrolment
// with a QR code, e-mail codes read from the server's outbox, OOB polling paced by the server's own
// `slow_down`, and recovery codes. Server and client share one virtual clock, so expiry and polling
// intervals are real to the server without the test sleeping.

let now = Date.now();
const clock = () => now;
let server: TestServer;
let admin: Management;
let client: TokenClient;

beforeAll(async () => {
  server = await startTestServer({ clock });
  admin = await management(server.issuer);
  client = clientFor(testNetwork(), { issuer: server.issuer, clientId: demo.clients.desktop.clientId }, undefined, {
    clock,
    sleep: async (ms) => {
      now += ms;
    },
  });
  // A rule demands MFA from alice and bob, who have no factor yet (demo-tenant.md, "MFA policy").
  const rule = await admin.call('POST', 'rules', {
    name: 'Require MFA for the desktop MFA tests',
    script:
      "function (user, context, callback) { if (user.email === 'alice@example.com' || user.email === 'bob@example.com') { context.multifactor = { provider: 'any' }; } callback(null, user, context); }",
    enabled: true,
  });
  if (rule.status !== 201 && rule.status !== 200) throw new Error(`Could not create the MFA rule (${rule.status})`);
});
afterAll(() => server.close());

function unwrap<T>(result: AppResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Signs in with a password and expects the server to ask for a second factor. */
async function pendingFor(user: { email: string; password: string; realm: string }): Promise<MfaPending> {
  const input: PasswordGrantInput = {
    realm: user.realm,
    username: user.email,
    password: user.password,
    scope: 'openid offline_access',
  };
  const outcome = unwrap(await client.signIn(input));
  if (outcome.kind !== 'mfa_required') throw new Error(`${user.email} signed in without MFA`);
  return outcome.pending;
}

/** The code an authenticator app shows now (at this test's clock). */
function totp(base32Secret: string): string {
  return totpAt(base32Secret, now);
}

/** The newest code the outbox delivered to an address (`GET /mfa/outbox`, admin-only). */
async function latestCode(to: string): Promise<string> {
  const answer = await admin.call('GET', `../../mfa/outbox?to=${encodeURIComponent(to)}&limit=1`);
  const text = (answer.json as { text?: string }[] | undefined)?.[0]?.text ?? '';
  const code = /verification code is (\S+?)\./.exec(text)?.[1];
  if (code === undefined) throw new Error(`No code in the outbox for ${to} (HTTP ${answer.status})`);
  return code;
}

describe('the seeded TOTP user (mfa@example.com)', () => {
  it('gets mfa_required with the mfa_token kept in main, lists the factor, and signs in with the app’s code', async () => {
    const user = demo.users.mfa;
    const outcome = unwrap(
      await client.signIn({ realm: user.realm, username: user.email, password: user.password, scope: 'openid' }),
    );
    if (outcome.kind !== 'mfa_required') throw new Error('expected mfa_required');
    expect(outcome.error).toMatchObject({ code: 'mfa_required', detail: { status: 403, error: 'mfa_required' } });
    expect(JSON.stringify(outcome.error)).not.toContain(outcome.pending.mfaToken);
    expect(outcome.pending.expiresAt).toBe(now + 600_000);
    const pending = outcome.pending;

    expect(unwrap(await client.mfa.authenticators(pending))).toContainEqual(
      expect.objectContaining({ type: 'otp', active: true }),
    );
    expect(unwrap(await client.mfa.challenge(pending, { challengeType: 'otp' }))).toEqual({ challengeType: 'otp' });

    const right = totp('JBSWY3DPEHPK3PXP');
    const wrong = `${right.slice(0, 5)}${(Number(right[5]) + 1) % 10}`;
    expect(await client.mfa.otpGrant(pending, wrong)).toMatchObject({
      ok: false,
      error: { code: 'mfa_invalid_code', detail: { errorDescription: 'Invalid otp_code.' } },
    });
    const tokens = unwrap(await client.mfa.otpGrant(pending, right));
    expect(decodeJwt(tokens.idToken ?? '').email).toBe(user.email);
    // A spent mfa_token cannot be used again.
    expect(await client.mfa.otpGrant(pending, right)).toMatchObject({ ok: false, error: { code: 'mfa_expired' } });
  });

  it('refuses a second enrolment before MFA is passed', async () => {
    const pending = await pendingFor(demo.users.mfa);
    expect(await client.mfa.associate(pending, { type: 'otp' })).toMatchObject({
      ok: false,
      error: { code: 'access_denied', message: expect.stringMatching(/already has a second factor/) },
    });
  });

  it('treats a malformed mfa_token and an expired one as a step that must start over', async () => {
    const malformed: MfaPending = { mfaToken: 'not-a-real-token', expiresAt: now + 600_000, realm: 'employees' };
    expect(await client.mfa.otpGrant(malformed, '123456')).toMatchObject({
      ok: false,
      error: { code: 'mfa_expired', detail: { errorDescription: 'Malformed mfa_token' } },
    });
    const pending = await pendingFor(demo.users.mfa);
    now += 11 * 60_000;
    expect(await client.mfa.otpGrant(pending, totp('JBSWY3DPEHPK3PXP'))).toMatchObject({
      ok: false,
      error: { code: 'mfa_expired', detail: { error: 'expired_token', errorDescription: 'mfa_token is expired' } },
    });
  });
});

describe('enrolment', () => {
  it('enrols an authenticator app from the QR code, and the first code confirms it', async () => {
    const pending = await pendingFor(demo.users.bob);
    expect(unwrap(await client.mfa.authenticators(pending)).filter((item) => item.active)).toEqual([]);
    const enrolment = unwrap(await client.mfa.associate(pending, { type: 'otp' }));
    expect(enrolment.barcodeUri).toMatch(/^otpauth:\/\/totp\//);
    expect(enrolment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrolment.recoveryCodes?.length).toBeGreaterThan(0);
    const tokens = unwrap(await client.mfa.otpGrant(pending, totp(enrolment.secret ?? '')));
    expect(decodeJwt(tokens.idToken ?? '').email).toBe(demo.users.bob.email);
    const next = await pendingFor(demo.users.bob);
    expect(unwrap(await client.mfa.authenticators(next))).toContainEqual(
      expect.objectContaining({ type: 'otp', active: true }),
    );
  });
});

describe('e-mail codes, polling and recovery codes (alice)', () => {
  let recoveryCode = '';

  it('enrols e-mail codes: the code from the outbox completes the sign-in', async () => {
    const pending = await pendingFor(demo.users.alice);
    const enrolment = unwrap(await client.mfa.associate(pending, { type: 'oob', channel: 'email' }));
    expect(enrolment).toMatchObject({ type: 'oob', bindingMethod: 'prompt', oobCode: expect.any(String) });
    recoveryCode = enrolment.recoveryCodes?.[0] ?? '';
    const tokens = await client.mfa.oobGrant(
      pending,
      enrolment.oobCode ?? '',
      await latestCode(demo.users.alice.email),
    );
    expect(tokens.ok).toBe(true);
  });

  it('polls while pending, slows down when the server says slow_down, and stops when cancelled', async () => {
    const pending = await pendingFor(demo.users.alice);
    const challenge = unwrap(await client.mfa.challenge(pending, { challengeType: 'oob' }));
    expect(challenge).toMatchObject({ challengeType: 'oob', bindingMethod: 'prompt' });
    const controller = new AbortController();
    const intervals: number[] = [];
    const polled = await client.mfa.pollOob(pending, challenge.oobCode ?? '', {
      intervalMs: 1000,
      signal: controller.signal,
      onWaiting: ({ attempt, intervalMs }) => {
        intervals.push(intervalMs);
        if (attempt === 5) controller.abort();
      },
    });
    expect(polled).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    // Pending, then the server's slow_down (polled 1 s apart; it wants 5), after which every wait is 5 s longer.
    expect(intervals).toEqual([1000, 1000, 6000, 6000, 6000]);
    const tokens = await client.mfa.oobGrant(
      pending,
      challenge.oobCode ?? '',
      await latestCode(demo.users.alice.email),
    );
    expect(tokens.ok).toBe(true);
  });

  it('signs in with a recovery code, returns the new one, and the old one stops working', async () => {
    expect(recoveryCode).not.toBe('');
    const first = unwrap(await client.mfa.recoveryCodeGrant(await pendingFor(demo.users.alice), recoveryCode));
    expect(first.tokens.accessToken).toBeTruthy();
    expect(first.newRecoveryCode).toBeTruthy();
    expect(first.newRecoveryCode).not.toBe(recoveryCode);
    expect(await client.mfa.recoveryCodeGrant(await pendingFor(demo.users.alice), recoveryCode)).toMatchObject({
      ok: false,
      error: { code: 'mfa_invalid_code', message: expect.stringMatching(/recovery code is not valid/) },
    });
  });
});
