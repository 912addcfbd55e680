import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cheapArgon2 } from '../../support/server/cheap-hasher';
import { demo } from '../../support/server/demo-tenant';
import {
  addRule,
  adminClient,
  DEMO_TOTP_SECRET,
  mfaGrants,
  realmLogin,
  totpAt,
  waitForLogEvent,
} from '../../support/server/extensibility-admin';
import { decodePayload, postForm, postJson } from '../../support/server/http';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';
import type { TestClock } from '../../support/server/test-clock';
import { createTestClock } from '../../support/server/test-clock';

const MINUTE = 60_000;
let server: TestServer;
let clock: TestClock;
let tokenUrl: string;

beforeAll(async () => {
  clock = createTestClock();
  server = await startTestServer({ clock: clock.now, server: { passwordHasher: await cheapArgon2() } });
  tokenUrl = `${server.url}/oauth/token`;
});
afterAll(() => server.close());

/** mfa@example.com signs in and gets the mfa_token of the 403. */
async function mfaToken(extra: Record<string, string> = {}): Promise<string> {
  const response = await realmLogin(server, 'mfa', { scope: 'openid profile email offline_access', ...extra });
  expect(response.status).toBe(403);
  return String(response.json['mfa_token']);
}

const otpGrant = (token: string, otp: string, clientId: string = demo.clients.desktop.clientId) =>
  postForm(tokenUrl, { grant_type: mfaGrants.otp, client_id: clientId, mfa_token: token, otp });

/** Moves to a fresh 30-second step so earlier codes cannot collide with the next test's. */
const nextWindow = () => clock.advance(2 * MINUTE);

describe('mfa@example.com (TOTP enrolled): every login asks for MFA', () => {
  it('answers 403 mfa_required with an opaque mfa_token and the challenge requirements, and logs mfar', async () => {
    const response = await realmLogin(server, 'mfa');
    expect(response.status).toBe(403);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.json).toEqual({
      error: 'mfa_required',
      error_description: 'Multifactor authentication required',
      mfa_token: expect.stringMatching(/^[\w-]{43}$/),
      mfa_requirements: { challenge: [{ type: 'otp' }] },
    });
    const event = await waitForLogEvent(server.dataDir, 'mfar');
    expect(event.row.user_name).toBe('mfa@example.com');
    expect(event.details).toMatchObject({ reason: 'tenant MFA policy: users with an active authenticator' });
    // The pipeline ran before MFA was asked for, so the event names its scripts and the claims they set (names only).
    expect(event.details).toMatchObject({
      scripts: [expect.objectContaining({ kind: 'rule', name: 'Add realm and roles claims' })],
      claims: expect.arrayContaining([expect.objectContaining({ claim: 'https://gatehouse.test/roles', in: 'id' })]),
    });
    expect(JSON.stringify(event.details)).not.toMatch(/"value"/);
  });

  it('lists the authenticators with the mfa_token as Bearer, and the OTP challenge needs nothing sent', async () => {
    const token = await mfaToken();
    const listed = await fetch(`${server.url}/mfa/authenticators`, { headers: { authorization: `Bearer ${token}` } });
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual([
      { id: expect.stringMatching(/^totp\|dev_/), authenticator_type: 'otp', active: true },
    ]);
    const challenge = await postJson(`${server.url}/mfa/challenge`, {
      mfa_token: token,
      client_id: demo.clients.desktop.clientId,
      challenge_type: 'otp',
    });
    expect(challenge.status).toBe(200);
    expect(challenge.json).toEqual({ challenge_type: 'otp' });
    const unsupported = await postJson(`${server.url}/mfa/challenge`, {
      mfa_token: token,
      client_id: demo.clients.desktop.clientId,
      challenge_type: 'oob',
    });
    expect(unsupported.status).toBe(400);
    expect(unsupported.json['error']).toBe('unsupported_challenge_type');
  });

  it('issues the tokens the login would have, with amr ["mfa"], for a correct code; the mfa_token is then spent', async () => {
    nextWindow();
    const token = await mfaToken();
    const response = await otpGrant(token, await totpAt(DEMO_TOTP_SECRET, clock.now()));

    expect(response.status).toBe(200);
    expect(response.json['scope']).toBe('openid profile email offline_access read:reports write:reports');
    expect(response.json['refresh_token']).toMatch(/^v1\./);
    const id = decodePayload(response.json['id_token']);
    expect(id['amr']).toEqual(['mfa']);
    expect(id['email']).toBe('mfa@example.com');
    expect(id['https://gatehouse.test/realm']).toBe('employees');
    const access = decodePayload(response.json['access_token']);
    expect(access['gty']).toBe('password');
    expect(access['https://gatehouse.test/realm']).toBe('employees');
    expect(await waitForLogEvent(server.dataDir, 'seotpft')).toBeDefined();
    expect(await waitForLogEvent(server.dataDir, 'gd_auth_succeed')).toBeDefined();

    const again = await otpGrant(token, await totpAt(DEMO_TOTP_SECRET, clock.now()));
    expect(again.status).toBe(403);
    expect(again.json).toEqual({ error: 'invalid_grant', error_description: 'Malformed mfa_token' });

    // The refresh token of an MFA login refreshes without a new challenge (only scripts re-ask).
    const refreshed = await postForm(tokenUrl, {
      grant_type: 'refresh_token',
      client_id: demo.clients.desktop.clientId,
      refresh_token: String(response.json['refresh_token']),
    });
    expect(refreshed.status).toBe(200);
  });

  it('accepts each code once (a replay in the next login fails) and ±1 step of skew, not 2', async () => {
    nextWindow();
    const code = await totpAt(DEMO_TOTP_SECRET, clock.now());
    expect((await otpGrant(await mfaToken(), code)).status).toBe(200);
    const replay = await otpGrant(await mfaToken(), code);
    expect(replay.status).toBe(403);
    expect(replay.json).toEqual({ error: 'invalid_grant', error_description: 'Invalid otp_code.' });

    nextWindow();
    const twoStepsAhead = await totpAt(DEMO_TOTP_SECRET, clock.now() + 60_000);
    expect((await otpGrant(await mfaToken(), twoStepsAhead)).status).toBe(403);
    const oneStepBehind = await totpAt(DEMO_TOTP_SECRET, clock.now() - 30_000);
    expect((await otpGrant(await mfaToken(), oneStepBehind)).status).toBe(200);
  });

  it('refuses a wrong code with invalid_grant and logs gd_auth_failed and feotpft', async () => {
    nextWindow();
    const response = await otpGrant(await mfaToken(), '000000');
    expect(response.status).toBe(403);
    expect(response.json).toEqual({ error: 'invalid_grant', error_description: 'Invalid otp_code.' });
    expect((await waitForLogEvent(server.dataDir, 'gd_auth_failed')).row.user_name).toBe('mfa@example.com');
    expect((await waitForLogEvent(server.dataDir, 'feotpft')).details).toMatchObject({
      error: { message: 'Invalid otp_code.' },
    });
  });

  it('answers expired_token for an mfa_token older than 10 minutes', async () => {
    nextWindow();
    const token = await mfaToken();
    clock.advance(10 * MINUTE);
    const response = await otpGrant(token, await totpAt(DEMO_TOTP_SECRET, clock.now()));
    expect(response.status).toBe(403);
    expect(response.json).toEqual({ error: 'expired_token', error_description: 'mfa_token is expired' });
  });

  it('binds the mfa_token to its client and refuses bad input without a 5xx', async () => {
    nextWindow();
    const token = await mfaToken();
    const otherClient = await postForm(tokenUrl, {
      grant_type: mfaGrants.otp,
      client_id: demo.clients.backend.clientId,
      client_secret: demo.clients.backend.secret,
      mfa_token: token,
      otp: '123456',
    });
    expect(otherClient.status).toBe(403);
    expect(otherClient.json['error']).toBe('unauthorized_client');
    const missing = await postForm(tokenUrl, {
      grant_type: mfaGrants.otp,
      client_id: demo.clients.desktop.clientId,
      mfa_token: token,
    });
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({ error: 'invalid_request', error_description: 'Missing required parameter: otp' });
    const unknown = await otpGrant('not-a-real-token', '123456');
    expect(unknown.json).toEqual({ error: 'invalid_grant', error_description: 'Malformed mfa_token' });
  });

  it('allows 10 failed codes, then 429 even for the right code, and one more attempt every 6 minutes', async () => {
    nextWindow();
    // The bucket may hold fewer than 10 after the earlier failures in this file: drain it completely.
    let status = 0;
    for (let i = 0; i < 10 && status !== 429; i++) status = (await otpGrant(await mfaToken(), '111111')).status;
    const limited = await otpGrant(await mfaToken(), await totpAt(DEMO_TOTP_SECRET, clock.now()));
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({
      error: 'too_many_attempts',
      error_description: 'Too many invalid MFA codes. Try again later.',
    });
    expect(await waitForLogEvent(server.dataDir, 'gd_otp_rate_limit_exceed')).toBeDefined();

    clock.advance(6 * MINUTE);
    const refilled = await otpGrant(await mfaToken(), await totpAt(DEMO_TOTP_SECRET, clock.now()));
    expect(refilled.status).toBe(200);
  });

  it('a rule can demand MFA on refresh; the MFA grant then hands out the rotated refresh token', async () => {
    const admin = await adminClient(server);
    await addRule(admin, {
      name: 'step up on refresh',
      order: 20,
      script: `function (user, context, callback) {
        if (context.protocol === 'oauth2-refresh-token' && context.request.userAgent === 'probe-step-up') {
          context.multifactor = { provider: 'any' };
        }
        callback(null, user, context);
      }`,
    });
    nextWindow();
    const login = await otpGrant(await mfaToken(), await totpAt(DEMO_TOTP_SECRET, clock.now()));
    const first = String(login.json['refresh_token']);
    const refresh = (token: string, userAgent = 'vitest') =>
      postForm(
        tokenUrl,
        { grant_type: 'refresh_token', client_id: demo.clients.desktop.clientId, refresh_token: token },
        { 'user-agent': userAgent },
      );

    const stepUp = await refresh(first, 'probe-step-up');
    expect(stepUp.status).toBe(403);
    expect(stepUp.json['error']).toBe('mfa_required');
    expect(
      (await waitForLogEvent(server.dataDir, 'mfar', (d) => d['reason'] === 'rule step up on refresh')).row,
    ).toBeDefined();

    nextWindow();
    const done = await otpGrant(String(stepUp.json['mfa_token']), await totpAt(DEMO_TOTP_SECRET, clock.now()));
    expect(done.status).toBe(200);
    expect(decodePayload(done.json['access_token'])['gty']).toEqual(['refresh_token', 'password']);
    const rotated = String(done.json['refresh_token']);
    expect(rotated).toMatch(/^v1\./);
    expect(rotated).not.toBe(first);
    expect((await refresh(rotated)).status).toBe(200);
  });
});
