import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MfaPending } from '../../../../main/auth/mfa-client';
import { TokenClient } from '../../../../main/auth/token-client';
import { auth0Endpoints } from '../../../../main/auth/server-endpoints';
import { createHttpClient } from '../../../../main/net/http-client';

// What the MFA client sends and how it reads Auth0's documented answers (spec/auth0-wire.md §4), with a
// peer on 127.0.0.1 that records each request and answers with the spec's shapes. The same client runs
// against the reference server in test/integration/desktop/auth/mfa.test.ts.

interface Seen {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}
type Reply = { status: number; body?: unknown };

let server: Server;
let issuer: string;
const seen: Seen[] = [];
let replies: Reply[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      });
      const reply = replies.shift() ?? { status: 500 };
      response.writeHead(reply.status, { 'Content-Type': 'application/json' });
      response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const tokens = { access_token: 'at', token_type: 'Bearer', expires_in: 60 };
const pending: MfaPending = { mfaToken: 'Fe26.test-mfa-token', expiresAt: Date.now() + 600_000, realm: 'employees' };

function client(clientAuth: ConstructorParameters<typeof TokenClient>[0]['clientAuth'] = { method: 'none' }) {
  let now = 1_000;
  return new TokenClient({
    http: createHttpClient({ userAgent: 'Gatehouse/test' }),
    clientId: 'desktop',
    clientAuth,
    endpoints: auth0Endpoints({ issuer }),
    clock: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  });
}

function answer(...next: Reply[]): void {
  replies = next;
  seen.length = 0;
}
const form = (request: Seen | undefined) => Object.fromEntries(new URLSearchParams(request?.body ?? ''));

describe('sign-in that needs MFA', () => {
  it('returns the mfa_token in a main-only pending value, and a plain AppError for the window', async () => {
    answer({
      status: 403,
      body: {
        error: 'mfa_required',
        error_description: 'Multifactor authentication required',
        mfa_token: 'Fe26.canary',
      },
    });
    const outcome = await client().signIn({ realm: 'employees', username: 'u', password: 'p' });
    if (!outcome.ok || outcome.value.kind !== 'mfa_required') throw new Error('expected mfa_required');
    expect(outcome.value.pending).toEqual({ mfaToken: 'Fe26.canary', expiresAt: 1_000 + 600_000, realm: 'employees' });
    expect(outcome.value.error.code).toBe('mfa_required');
    expect(JSON.stringify(outcome.value.error)).not.toContain('Fe26.canary');
  });

  it('keeps mfa_requirements when the tenant sends them', async () => {
    answer({
      status: 403,
      body: {
        error: 'mfa_required',
        mfa_token: 't',
        mfa_requirements: { challenge: [{ type: 'otp' }, { type: 'email' }] },
      },
    });
    const outcome = await client().signIn({ realm: null, username: 'u', password: 'p' });
    expect(outcome.ok && outcome.value.kind === 'mfa_required' && outcome.value.pending.requirements).toEqual({
      challenge: ['otp', 'email'],
    });
  });

  it('passwordGrant (the old port) gets the AppError and no token', async () => {
    answer({ status: 403, body: { error: 'mfa_required', mfa_token: 'Fe26.canary' } });
    const result = await client().passwordGrant({ realm: null, username: 'u', password: 'p' });
    expect(result).toMatchObject({ ok: false, error: { code: 'mfa_required' } });
    expect(JSON.stringify(result)).not.toContain('Fe26.canary');
  });
});

describe('the /mfa/* API', () => {
  it('lists authenticators with the mfa_token as bearer (§4.2)', async () => {
    answer({
      status: 200,
      body: [
        { id: 'totp|dev_1', authenticator_type: 'otp', active: true },
        { id: 'email|dev_2', authenticator_type: 'oob', active: false, oob_channel: 'email', name: 'a***@example.com' },
      ],
    });
    const result = await client().mfa.authenticators(pending);
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/mfa/authenticators' });
    expect(seen[0]?.headers.authorization).toBe('Bearer Fe26.test-mfa-token');
    expect(result).toEqual({
      ok: true,
      value: [
        { id: 'totp|dev_1', type: 'otp', active: true },
        { id: 'email|dev_2', type: 'oob', active: false, oobChannel: 'email', name: 'a***@example.com' },
      ],
    });
  });

  it('enrols an OTP app and turns the otpauth URI into a QR code data URL (§4.4)', async () => {
    const barcode = 'otpauth://totp/Gatehouse:alice?secret=JBSWY3DPEHPK3PXP&issuer=Gatehouse';
    answer({
      status: 200,
      body: { authenticator_type: 'otp', secret: 'JBSWY3DPEHPK3PXP', barcode_uri: barcode, recovery_codes: ['ABCD'] },
    });
    const result = await client({ method: 'client_secret_post', secret: 's3' }).mfa.associate(pending, { type: 'otp' });
    expect(seen[0]?.headers.authorization).toBe('Bearer Fe26.test-mfa-token');
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({
      authenticator_types: ['otp'],
      client_id: 'desktop',
      client_secret: 's3',
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({
      type: 'otp',
      secret: 'JBSWY3DPEHPK3PXP',
      barcodeUri: barcode,
      recoveryCodes: ['ABCD'],
    });
    const png = Buffer.from(result.value.qrCodeDataUrl?.replace(/^data:image\/png;base64,/, '') ?? '', 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('enrols e-mail codes with the channel and address (§4.4)', async () => {
    answer({
      status: 200,
      body: { authenticator_type: 'oob', oob_channel: 'email', oob_code: 'oob-1', binding_method: 'prompt' },
    });
    const result = await client().mfa.associate(pending, { type: 'oob', channel: 'email', email: 'a@example.com' });
    expect(JSON.parse(seen[0]?.body ?? '')).toMatchObject({
      authenticator_types: ['oob'],
      oob_channels: ['email'],
      email: 'a@example.com',
    });
    expect(result).toMatchObject({ ok: true, value: { type: 'oob', oobCode: 'oob-1', bindingMethod: 'prompt' } });
  });

  it('refuses a barcode that is not an otpauth URI', async () => {
    answer({ status: 200, body: { authenticator_type: 'otp', barcode_uri: 'https://evil.example/' } });
    expect(await client().mfa.associate(pending, { type: 'otp' })).toMatchObject({
      ok: false,
      error: { code: 'server_error' },
    });
  });

  it('starts a challenge with the mfa_token in the body (§4.3)', async () => {
    answer({ status: 200, body: { challenge_type: 'oob', oob_code: 'oob-2', binding_method: 'prompt' } });
    const result = await client().mfa.challenge(pending, { challengeType: 'oob', authenticatorId: 'email|dev_2' });
    expect(seen[0]?.headers.authorization).toBeUndefined();
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({
      mfa_token: 'Fe26.test-mfa-token',
      challenge_type: 'oob',
      authenticator_id: 'email|dev_2',
      client_id: 'desktop',
    });
    expect(result).toEqual({ ok: true, value: { challengeType: 'oob', oobCode: 'oob-2', bindingMethod: 'prompt' } });
  });

  it('translates an MFA API error', async () => {
    answer({ status: 400, body: { error: 'unsupported_challenge_type', error_description: 'User is not enrolled.' } });
    expect(await client().mfa.challenge(pending)).toMatchObject({ ok: false, error: { code: 'mfa_not_enrolled' } });
  });
});

describe('the MFA grants (§4.5)', () => {
  it('sends mfa-otp with the token and code', async () => {
    answer({ status: 200, body: tokens });
    expect(await client().mfa.otpGrant(pending, '123456')).toMatchObject({ ok: true, value: { accessToken: 'at' } });
    expect(form(seen[0])).toEqual({
      grant_type: 'http://auth0.com/oauth/grant-type/mfa-otp',
      mfa_token: 'Fe26.test-mfa-token',
      otp: '123456',
      client_id: 'desktop',
    });
  });

  it('polls mfa-oob through authorization_pending and slow_down, then returns the tokens', async () => {
    answer(
      { status: 400, body: { error: 'authorization_pending' } },
      { status: 400, body: { error: 'slow_down' } },
      // The legacy documentation shows pending with HTTP 200; it is still pending.
      { status: 200, body: { error: 'authorization_pending', error_description: 'Authorization pending' } },
      { status: 200, body: tokens },
    );
    const waits: number[] = [];
    const result = await client().mfa.pollOob(pending, 'oob-3', {
      onWaiting: ({ intervalMs }) => waits.push(intervalMs),
    });
    expect(result).toMatchObject({ ok: true, value: { accessToken: 'at' } });
    expect(waits).toEqual([5000, 5000, 10_000, 10_000]);
    expect(form(seen[3])).toMatchObject({ grant_type: 'http://auth0.com/oauth/grant-type/mfa-oob', oob_code: 'oob-3' });
  });

  it('sends the binding code the user typed', async () => {
    answer({ status: 200, body: tokens });
    await client().mfa.oobGrant(pending, 'oob-4', '845123');
    expect(form(seen[0])).toMatchObject({ oob_code: 'oob-4', binding_code: '845123' });
  });

  it('returns the new recovery code beside the tokens', async () => {
    answer({ status: 200, body: { ...tokens, recovery_code: 'NEWCODE123' } });
    const result = await client().mfa.recoveryCodeGrant(pending, 'OLDCODE');
    expect(form(seen[0])).toMatchObject({
      grant_type: 'http://auth0.com/oauth/grant-type/mfa-recovery-code',
      recovery_code: 'OLDCODE',
    });
    expect(result).toMatchObject({ ok: true, value: { newRecoveryCode: 'NEWCODE123', tokens: { accessToken: 'at' } } });
  });
});
