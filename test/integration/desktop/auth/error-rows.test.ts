import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PasswordGrantInput } from '../../../../main/auth/token-client';
import { demo } from '../../../support/server/demo-tenant';
import { startTestServer, type TestServer } from '../../../support/server/start-test-server';
import { management, type Management } from './management';
import { clientFor, testNetwork } from './reference-clients';

// Each spec/auth0-wire.md §2 row that the reference server produces, through the real token client: the
// AppError code the window sees, and the server's literal words kept for support.

let server: TestServer;
let admin: Management;
const network = testNetwork();
beforeAll(async () => {
  server = await startTestServer();
  admin = await management(server.issuer);
});
afterAll(() => server.close());

const desktop = () => clientFor(network, { issuer: server.issuer, clientId: demo.clients.desktop.clientId });
const signIn = (input: Partial<PasswordGrantInput> & Pick<PasswordGrantInput, 'username' | 'password'>) =>
  desktop().passwordGrant({ realm: 'employees', scope: 'openid', ...input });

describe('§2 rows through the token client', () => {
  it('row 1: a wrong password and an unknown user get the same invalid_credentials', async () => {
    const wrong = await signIn({ username: demo.users.alice.email, password: 'not-her-password' });
    const unknown = await signIn({ username: 'nobody@example.com', password: 'whatever-it-is' });
    const expected = {
      code: 'invalid_credentials',
      detail: { status: 403, error: 'invalid_grant', errorDescription: 'Wrong email or password.' },
    };
    expect(wrong).toMatchObject({ ok: false, error: expected });
    expect(unknown).toEqual(wrong);
  });

  it('row 9: a client without the password grant gets unauthorized_client', async () => {
    const m2m = clientFor(
      network,
      { issuer: server.issuer, clientId: demo.clients.adminM2m.clientId, clientAuth: 'client_secret_post' },
      demo.clients.adminM2m.secret,
    );
    const result = await m2m.passwordGrant({
      realm: 'employees',
      username: demo.users.alice.email,
      password: demo.users.alice.password,
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'unauthorized_client',
        message: expect.stringMatching(/not allowed to sign in this way/),
        detail: {
          status: 403,
          errorDescription: "Grant type 'http://auth0.com/oauth/grant-type/password-realm' not allowed for the client.",
        },
      },
    });
  });

  it('row 10: a wrong client secret is a client-credentials problem, not the user’s password', async () => {
    const backend = clientFor(
      network,
      { issuer: server.issuer, clientId: demo.clients.backend.clientId, clientAuth: 'client_secret_basic' },
      'wrong-secret',
    );
    const result = await backend.passwordGrant({
      realm: 'employees',
      username: demo.users.alice.email,
      password: demo.users.alice.password,
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'unauthorized_client',
        detail: { status: 401, error: 'access_denied', errorDescription: 'Unauthorized' },
      },
    });
  });

  it('row 14: an audience that is not an API names the audience', async () => {
    const result = await signIn({
      username: demo.users.alice.email,
      password: demo.users.alice.password,
      audience: 'https://nope.example/',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'access_denied', message: expect.stringContaining('“https://nope.example/”') },
    });
  });

  it('row 18: an unknown realm is invalid_realm', async () => {
    const result = await signIn({
      realm: 'no-such-realm',
      username: demo.users.alice.email,
      password: demo.users.alice.password,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_realm', detail: { status: 400, error: 'invalid_request' } },
    });
  });

  it('row 18: a missing parameter is invalid_request with the server’s words', async () => {
    const result = await signIn({ username: '', password: demo.users.alice.password });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringMatching(/username/) },
    });
  });

  it('§5.2: revocation with a wrong client secret is a client problem', async () => {
    const backend = clientFor(
      network,
      { issuer: server.issuer, clientId: demo.clients.backend.clientId, clientAuth: 'client_secret_post' },
      'wrong-secret',
    );
    expect(await backend.revoke('v1.whatever')).toMatchObject({
      ok: false,
      error: { code: 'unauthorized_client', detail: { status: 401, error: 'invalid_client' } },
    });
  });

  it('row 4: ten failures lock the account, and then even the right password gets too_many_attempts', async () => {
    const user = demo.users.support;
    for (let attempt = 0; attempt < 10; attempt += 1)
      await signIn({ username: user.email, password: `wrong-${attempt}` });
    const locked = await signIn({ username: user.email, password: user.password });
    expect(locked).toMatchObject({
      ok: false,
      error: {
        code: 'too_many_attempts',
        message: expect.stringMatching(/account is locked/),
        detail: { status: 429, error: 'too_many_attempts' },
      },
    });
  });

  it('row 3: a user blocked by an administrator gets user_blocked', async () => {
    const id = await admin.userId(demo.users.bob.email);
    expect(id).toBeDefined();
    const patched = await admin.call('PATCH', `users/${encodeURIComponent(id ?? '')}`, { blocked: true });
    expect(patched.status).toBe(200);
    const result = await signIn({
      realm: 'contractors',
      username: demo.users.bob.email,
      password: demo.users.bob.password,
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'user_blocked',
        detail: { status: 401, error: 'unauthorized', errorDescription: 'user is blocked' },
      },
    });
  });
});

describe('row 5: suspicious-IP throttling', () => {
  it('blocks this network after the configured failures, in words that say so', async () => {
    const own = await startTestServer();
    try {
      const ownAdmin = await management(own.issuer);
      const lowered = await ownAdmin.call('PATCH', 'attack-protection/suspicious-ip-throttling', {
        enabled: true,
        stage: { 'pre-login': { max_attempts: 3, rate: 864000 } },
      });
      expect(lowered.status).toBe(200);
      const client = clientFor(network, { issuer: own.issuer, clientId: demo.clients.desktop.clientId });
      const users = ['alice@example.com', 'bob@example.com', 'admin@example.com', 'nobody@example.com'];
      let last;
      for (const username of users)
        last = await client.passwordGrant({ realm: 'employees', username, password: 'wrong-password-1' });
      expect(last).toMatchObject({
        ok: false,
        error: { code: 'too_many_attempts', message: expect.stringMatching(/network are blocked/) },
      });
    } finally {
      await own.close();
    }
  });
});
