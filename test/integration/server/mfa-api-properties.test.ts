import Database from 'better-sqlite3';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../server/app';
import { SqliteMfaSettingsRepository } from '../../../server/storage/mfa-settings-repository';
import { cheapArgon2 } from '../../support/server/cheap-hasher';
import { demo } from '../../support/server/demo-tenant';
import { DEMO_TOTP_SECRET, mfaGrants, totpAt } from '../../support/server/extensibility-admin';

/**
 * Property test of the MFA API (design/security.md "Bad input"): 2,000 generated requests to each of
 * `/mfa/authenticators` (GET, DELETE), `/mfa/associate`, `/mfa/challenge` and `/mfa/outbox`, mixing
 * real `mfa_token`s (enrolled and unenrolled users) with hostile values, through `app.inject()`.
 * Properties: never a 5xx, RFC 6749 §5.2 error bodies with `no-store`, no internals. The seed is printed;
 * `GATEHOUSE_FC_SEED=<seed>` replays a run.
 */

const RUNS = 2000;
const SEED = Number(process.env['GATEHOUSE_FC_SEED'] ?? Date.now() % 2_147_483_647);
let app: FastifyInstance;
let dataDir: string;
const tokens: string[] = [];
let adminToken = '';
let mfaApiToken = '';

const internals =
  /SQLITE|sqlite_|SELECT |INSERT |at \S+ \(|\.ts:\d+|node_modules|\/tmp\/|Error: |TypeError|ZodError|\[object Object\]/;

function check(response: LightMyRequestResponse): void {
  expect(response.statusCode, response.body).toBeLessThan(500);
  expect(response.body).not.toMatch(internals);
  expect(response.headers['cache-control']).toBe('no-store');
  if (response.statusCode < 400) return;
  const body = JSON.parse(response.body) as Record<string, unknown>;
  expect(body['error']).toMatch(/^[a-z_]{3,40}$/);
  expect(Object.keys(body).every((key) => key === 'error' || key === 'error_description')).toBe(true);
}

const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', '%00', '{"a":1}', 'Fe26.2**x', 'a'.repeat(5000), '../../etc/passwd', '\u0000', 'null'),
  fc.integer().map(String),
);
const anyValue = fc.oneof(hostile, fc.integer(), fc.boolean(), fc.constant(null), fc.array(hostile, { maxLength: 3 }));
const token = fc.oneof(
  fc.constantFrom(...[0, 1, 2, 3].map((i) => () => tokens[i] ?? '')).map((get) => get()),
  hostile,
);
const bearer = fc.oneof(
  token.map((value) => `Bearer ${value}`),
  fc.constant(0).map(() => `Bearer ${mfaApiToken}`),
  hostile,
  fc.constant(undefined),
  fc.constant('Bearer a.b.c'),
);

const bodies = fc.record(
  {
    client_id: fc.oneof(fc.constantFrom(demo.clients.desktop.clientId, demo.clients.backend.clientId), hostile),
    client_secret: fc.oneof(fc.constant(demo.clients.backend.secret), hostile),
    mfa_token: token,
    authenticator_types: fc.oneof(fc.constantFrom(['otp'], ['oob'], ['otp', 'oob'], 'otp', 'oob'), anyValue),
    oob_channels: fc.oneof(fc.constantFrom(['email'], ['sms'], ['auth0'], 'sms'), anyValue),
    phone_number: fc.oneof(fc.constantFrom('+15550100123', '+1', '5550100'), hostile),
    email: fc.oneof(fc.constantFrom('x@example.com', 'not-an-email'), hostile),
    challenge_type: fc.oneof(fc.constantFrom('otp', 'oob', 'otp oob', 'push'), hostile),
    authenticator_id: hostile,
    extra: anyValue,
  },
  { requiredKeys: [] },
);

function send(method: 'GET' | 'POST' | 'DELETE', url: string, authorization: string | undefined, body?: object) {
  return app.inject({
    method,
    url,
    headers: {
      ...(authorization !== undefined && { authorization }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { payload: JSON.stringify(body) }),
  });
}

const cases: [string, fc.Arbitrary<() => Promise<LightMyRequestResponse>>][] = [
  ['GET /mfa/authenticators', bearer.map((auth) => () => send('GET', '/mfa/authenticators', auth))],
  [
    'DELETE /mfa/authenticators/{id}',
    fc.tuple(bearer, hostile).map(
      ([auth, id]) =>
        () =>
          send('DELETE', `/mfa/authenticators/${encodeURIComponent(id)}`, auth),
    ),
  ],
  [
    'POST /mfa/associate',
    fc.tuple(bearer, bodies).map(
      ([auth, body]) =>
        () =>
          send('POST', '/mfa/associate', auth, body),
    ),
  ],
  [
    'POST /mfa/challenge',
    fc.tuple(bearer, bodies).map(
      ([auth, body]) =>
        () =>
          send('POST', '/mfa/challenge', auth, body),
    ),
  ],
  [
    'GET /mfa/outbox',
    fc.tuple(fc.oneof(bearer, fc.constant('admin')), hostile, hostile).map(
      ([auth, to, limit]) =>
        () =>
          send(
            'GET',
            `/mfa/outbox?to=${encodeURIComponent(to)}&limit=${encodeURIComponent(limit)}`,
            auth === 'admin' ? `Bearer ${adminToken}` : auth,
          ),
    ),
  ],
];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-mfa-properties-'));
  app = await buildServer({
    dataDir,
    issuer: 'http://gatehouse.test/',
    seed: 'demo',
    passwordHasher: await cheapArgon2(),
  });
  // Everyone must do MFA, so unenrolled users get mfa_tokens too (associate then goes deep).
  const db = new Database(join(dataDir, 'gatehouse.sqlite'));
  try {
    new SqliteMfaSettingsRepository(db).update({ policy: 'always' });
  } finally {
    db.close();
  }
  const m2m = await app.inject({
    method: 'POST',
    url: '/oauth/token',
    payload: {
      grant_type: 'client_credentials',
      client_id: demo.clients.adminM2m.clientId,
      client_secret: demo.clients.adminM2m.secret,
      audience: 'http://gatehouse.test/api/v2/',
    },
  });
  adminToken = String((JSON.parse(m2m.body) as Record<string, unknown>)['access_token']);
  // An MFA API token (after a real OTP), so DELETE gets past authentication.
  const pending = await app.inject({
    method: 'POST',
    url: '/oauth/token',
    payload: {
      grant_type: demo.grants.passwordRealm,
      client_id: demo.clients.desktop.clientId,
      username: demo.users.mfa.email,
      password: demo.users.mfa.password,
      realm: 'employees',
      audience: 'http://gatehouse.test/mfa/',
    },
  });
  const otp = await app.inject({
    method: 'POST',
    url: '/oauth/token',
    payload: {
      grant_type: mfaGrants.otp,
      client_id: demo.clients.desktop.clientId,
      mfa_token: (JSON.parse(pending.body) as Record<string, string>)['mfa_token'],
      otp: await totpAt(DEMO_TOTP_SECRET, Date.now()),
    },
  });
  mfaApiToken = String((JSON.parse(otp.body) as Record<string, unknown>)['access_token']);
  for (const user of ['mfa', 'alice', 'bob', 'support'] as const) {
    const login = await app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: {
        grant_type: demo.grants.passwordRealm,
        client_id: demo.clients.desktop.clientId,
        username: demo.users[user].email,
        password: demo.users[user].password,
        realm: demo.users[user].realm,
      },
    });
    tokens.push(String((JSON.parse(login.body) as Record<string, unknown>)['mfa_token']));
  }
}, 60_000);

afterAll(async () => {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('MFA API under generated input', () => {
  it('starts from real mfa_tokens', () => {
    expect(tokens).toHaveLength(4);
    expect(mfaApiToken.split('.')).toHaveLength(3);
    for (const value of tokens) expect(value).toMatch(/^[\w-]{43}$/);
  });

  it.each(cases)(
    '%s: OAuth-shaped errors, no 5xx, no internals over 2,000 runs',
    async (name, arbitrary) => {
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(arbitrary, async (request) => {
          const response = await request();
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          check(response);
        }),
        { numRuns: RUNS, seed: SEED },
      );
      const summary = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
      console.log(`[mfa-api property] ${name}: seed ${SEED} (${summary.join(', ')})`);
      // Some requests get past parsing and authentication.
      expect([...statuses.keys()].some((status) => status !== 400 && status !== 401)).toBe(true);
    },
    240_000,
  );
});
