import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteMfaSettingsRepository } from '../../../server/storage/mfa-settings-repository';
import { cheapArgon2 } from '../../support/server/cheap-hasher';
import { demo } from '../../support/server/demo-tenant';
import type { DemoUser } from '../../support/server/extensibility-admin';
import { mfaGrants, realmLogin, totpAt, waitForLogEvent } from '../../support/server/extensibility-admin';
import type { ReadResponse } from '../../support/server/http';
import { decodePayload, postForm, postJson } from '../../support/server/http';
import { managementToken } from '../../support/server/management';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';
import type { TestClock } from '../../support/server/test-clock';
import { createTestClock } from '../../support/server/test-clock';

let server: TestServer;
let clock: TestClock;
let tokenUrl: string;
const desktop = demo.clients.desktop.clientId;

beforeAll(async () => {
  clock = createTestClock();
  server = await startTestServer({ clock: clock.now, server: { passwordHasher: await cheapArgon2() } });
  tokenUrl = `${server.url}/oauth/token`;
  // The tenant MFA policy "always" (there is no Management route for it yet): everyone must do MFA.
  const db = new Database(join(server.dataDir, 'gatehouse.sqlite'));
  try {
    new SqliteMfaSettingsRepository(db).update({ policy: 'always' });
  } finally {
    db.close();
  }
});
afterAll(() => server.close());

async function mfaToken(user: DemoUser, extra: Record<string, string> = {}): Promise<ReadResponse & { token: string }> {
  const response = await realmLogin(server, user, { scope: 'openid offline_access', ...extra });
  expect(response.status).toBe(403);
  expect(response.json['error']).toBe('mfa_required');
  return { ...response, token: String(response.json['mfa_token']) };
}

const associate = (token: string, body: Record<string, unknown>) =>
  postJson(`${server.url}/mfa/associate`, { client_id: desktop, ...body }, { authorization: `Bearer ${token}` });

const listAuthenticators = async (bearer: string) => {
  const response = await fetch(`${server.url}/mfa/authenticators`, { headers: { authorization: `Bearer ${bearer}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>[] };
};

/** The newest outbox message to `to`, read through the admin-only endpoint. */
async function outboxCode(to: string): Promise<string> {
  const token = await managementToken(server, 'm2m');
  const response = await fetch(`${server.url}/mfa/outbox?to=${encodeURIComponent(to)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  const [message] = (await response.json()) as { text: string; to: string; channel: string }[];
  const code = /code is (\d{6})/.exec(message?.text ?? '')?.[1];
  if (code === undefined) throw new Error('no code in the outbox');
  return code;
}

let bobRecoveryCode = '';
let bobSecret = '';

describe('the tenant policy "always": a user with no authenticator must enrol', () => {
  it('answers mfa_required with the enrolment requirements', async () => {
    const { json } = await mfaToken('alice');
    expect(json['mfa_requirements']).toEqual({ enroll: [{ type: 'otp' }, { type: 'phone' }, { type: 'email' }] });
  });
});

describe('OTP enrolment, then login with a code and with a recovery code', () => {
  it('associate returns a base32 secret, an otpauth barcode_uri and recovery codes on the first enrolment', async () => {
    const { token } = await mfaToken('bob');
    const response = await associate(token, { authenticator_types: ['otp'] });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      authenticator_type: 'otp',
      secret: expect.stringMatching(/^[A-Z2-7]{32}$/),
      barcode_uri: expect.stringMatching(/^otpauth:\/\/totp\//),
      recovery_codes: [expect.stringMatching(/^[A-Z2-9]{24}$/)],
    });
    bobSecret = String(response.json['secret']);
    bobRecoveryCode = (response.json['recovery_codes'] as string[])[0] ?? '';
    const uri = new URL(String(response.json['barcode_uri']));
    const tenant = new URL(server.issuer).host;
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe(`/${tenant}:bob@example.com`);
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({
      secret: bobSecret,
      issuer: tenant,
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
    expect((await listAuthenticators(token)).body).toEqual([
      expect.objectContaining({ authenticator_type: 'otp', active: false }),
      expect.objectContaining({ authenticator_type: 'recovery-code', active: false }),
    ]);

    const confirmed = await postForm(tokenUrl, {
      grant_type: mfaGrants.otp,
      client_id: desktop,
      mfa_token: token,
      otp: await totpAt(bobSecret, clock.now()),
    });
    expect(confirmed.status).toBe(200);
    expect(decodePayload(confirmed.json['id_token'])['amr']).toEqual(['mfa']);
    expect(await waitForLogEvent(server.dataDir, 'gd_enrollment_complete')).toBeDefined();
    expect(await waitForLogEvent(server.dataDir, 'gd_start_enroll')).toBeDefined();
  });

  it('the next login challenges the now active factor, and a second enrolment is refused', async () => {
    const { token, json } = await mfaToken('bob');
    expect(json['mfa_requirements']).toEqual({ challenge: [{ type: 'otp' }, { type: 'recovery-code' }] });
    expect((await listAuthenticators(token)).body.map((item) => item['active'])).toEqual([true, true]);
    const second = await associate(token, { authenticator_types: ['otp'] });
    expect(second.status).toBe(403);
    expect(second.json).toEqual({ error: 'access_denied', error_description: 'User is already enrolled.' });
  });

  it('a recovery code signs in once and returns a new recovery_code; the old one stops working', async () => {
    const grant = async (code: string) =>
      postForm(tokenUrl, {
        grant_type: mfaGrants.recoveryCode,
        client_id: desktop,
        mfa_token: (await mfaToken('bob')).token,
        recovery_code: code,
      });
    const used = await grant(bobRecoveryCode.toLowerCase());
    expect(used.status).toBe(200);
    expect(used.json['access_token']).toEqual(expect.any(String));
    expect(used.json['recovery_code']).toMatch(/^[A-Z2-9]{24}$/);
    expect(used.json['recovery_code']).not.toBe(bobRecoveryCode);
    expect(await waitForLogEvent(server.dataDir, 'sercft')).toBeDefined();
    expect(await waitForLogEvent(server.dataDir, 'gd_recovery_succeed')).toBeDefined();

    const reused = await grant(bobRecoveryCode);
    expect(reused.status).toBe(403);
    expect(reused.json).toEqual({ error: 'invalid_grant', error_description: 'Invalid recovery_code.' });
    expect(await waitForLogEvent(server.dataDir, 'gd_recovery_failed')).toBeDefined();
    expect(await waitForLogEvent(server.dataDir, 'fercft')).toBeDefined();

    const next = await grant(String(used.json['recovery_code']));
    expect(next.status).toBe(200);
  });
});

describe('OOB (email and SMS) through the outbox', () => {
  it('enrols email: pending until the code is entered, slow_down when polled too fast, wrong code refused', async () => {
    const { token } = await mfaToken('support');
    const response = await associate(token, { authenticator_types: ['oob'], oob_channels: ['email'] });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      authenticator_type: 'oob',
      binding_method: 'prompt',
      oob_channel: 'email',
      oob_code: expect.any(String),
      recovery_codes: [expect.any(String)],
    });
    const oob = (binding?: string) =>
      postForm(tokenUrl, {
        grant_type: mfaGrants.oob,
        client_id: desktop,
        mfa_token: token,
        oob_code: String(response.json['oob_code']),
        ...(binding !== undefined && { binding_code: binding }),
      });

    const pending = await oob();
    expect(pending.status).toBe(400);
    expect(pending.json).toEqual({
      error: 'authorization_pending',
      error_description: 'Authorization pending: please repeat the request in a few seconds.',
    });
    expect((await oob()).json['error']).toBe('slow_down');
    clock.advance(5_000);
    expect((await oob()).json['error']).toBe('authorization_pending');

    const code = await outboxCode('support@example.com');
    const wrong = await oob(code === '000000' ? '111111' : '000000');
    expect(wrong.status).toBe(403);
    expect(wrong.json).toEqual({ error: 'invalid_grant', error_description: 'Invalid binding_code.' });
    const right = await oob(code);
    expect(right.status).toBe(200);
    expect(decodePayload(right.json['id_token'])['amr']).toEqual(['mfa']);
    expect(await waitForLogEvent(server.dataDir, 'seoobft')).toBeDefined();
    expect(await waitForLogEvent(server.dataDir, 'gd_send_email')).toBeDefined();
  });

  it('challenges the enrolled email on the next login, and the outbox file is owner-only', async () => {
    const { token } = await mfaToken('support');
    const listed = await listAuthenticators(token);
    expect(listed.body[0]).toEqual(
      expect.objectContaining({
        authenticator_type: 'oob',
        oob_channel: 'email',
        name: 's***@example.com',
        active: true,
      }),
    );
    const challenge = await postJson(`${server.url}/mfa/challenge`, { mfa_token: token, client_id: desktop });
    expect(challenge.json).toEqual({ challenge_type: 'oob', oob_code: expect.any(String), binding_method: 'prompt' });
    const code = await outboxCode('support@example.com');
    const done = await postForm(tokenUrl, {
      grant_type: mfaGrants.oob,
      client_id: desktop,
      mfa_token: token,
      oob_code: String(challenge.json['oob_code']),
      binding_code: code,
    });
    expect(done.status).toBe(200);
    expect(statSync(join(server.dataDir, 'outbox.log')).mode & 0o777).toBe(0o600);
  });

  it('sends at most 10 codes per mfa_token', async () => {
    const { token } = await mfaToken('support');
    const challenge = () => postJson(`${server.url}/mfa/challenge`, { mfa_token: token, client_id: desktop });
    for (let i = 0; i < 10; i++) expect((await challenge()).status).toBe(200);
    const eleventh = await challenge();
    expect(eleventh.status).toBe(429);
    expect(eleventh.json).toEqual({
      error: 'too_many_attempts',
      error_description: 'Too many codes sent for this login. Sign in again.',
    });
  });

  it('enrols SMS with an E.164 number and refuses a malformed one', async () => {
    const { token } = await mfaToken('admin');
    const bad = await associate(token, {
      authenticator_types: ['oob'],
      oob_channels: ['sms'],
      phone_number: '555-0100',
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({
      error: 'invalid_request',
      error_description: 'Missing or invalid parameter: phone_number',
    });
    const response = await associate(token, {
      authenticator_types: ['oob'],
      oob_channels: ['sms'],
      phone_number: '+15550100123',
    });
    expect(response.json['oob_channel']).toBe('sms');
    const done = await postForm(tokenUrl, {
      grant_type: mfaGrants.oob,
      client_id: desktop,
      mfa_token: token,
      oob_code: String(response.json['oob_code']),
      binding_code: await outboxCode('+15550100123'),
    });
    expect(done.status).toBe(200);
    expect((await listAuthenticators((await mfaToken('admin')).token)).body[0]).toEqual(
      expect.objectContaining({ oob_channel: 'sms', name: 'XXXXXXXX0123' }),
    );
  });
});

describe('removing an authenticator needs an MFA API token obtained with MFA', () => {
  it('refuses the mfa_token, and deletes with remove:authenticators (recovery codes go too)', async () => {
    const { token } = await mfaToken('bob', {
      audience: `${server.issuer}mfa/`,
      scope: 'remove:authenticators read:authenticators',
    });
    const totp = (await listAuthenticators(token)).body.find((item) => item['authenticator_type'] === 'otp');
    const withMfaToken = await fetch(`${server.url}/mfa/authenticators/${encodeURIComponent(String(totp?.['id']))}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(withMfaToken.status).toBe(401);

    clock.advance(60_000);
    const api = await postForm(tokenUrl, {
      grant_type: mfaGrants.otp,
      client_id: desktop,
      mfa_token: token,
      otp: await totpAt(bobSecret, clock.now()),
    });
    expect(api.status).toBe(200);
    expect(decodePayload(api.json['access_token'])['aud']).toBe(`${server.issuer}mfa/`);
    const accessToken = String(api.json['access_token']);
    const deleted = await fetch(`${server.url}/mfa/authenticators/${encodeURIComponent(String(totp?.['id']))}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(deleted.status).toBe(204);
    expect((await listAuthenticators(accessToken)).body).toEqual([]);
    expect((await mfaToken('bob')).json['mfa_requirements']).toEqual({
      enroll: [{ type: 'otp' }, { type: 'phone' }, { type: 'email' }],
    });
    expect(await waitForLogEvent(server.dataDir, 'gd_unenroll')).toBeDefined();
  });

  it('the outbox endpoint is admin-only', async () => {
    const anonymous = await fetch(`${server.url}/mfa/outbox`);
    expect(anonymous.status).toBe(401);
    const narrow = await managementToken(server, 'm2m', 'read:users');
    const forbidden = await fetch(`${server.url}/mfa/outbox`, { headers: { authorization: `Bearer ${narrow}` } });
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()) as unknown).toEqual({
      error: 'insufficient_scope',
      error_description: 'The access token does not grant the read:mfa_outbox scope.',
    });
  });
});
