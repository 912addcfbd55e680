import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../support/server/demo-tenant';
import { desktopLogin, desktopRefresh } from '../../support/server/desktop-grants';
import { decodePayload } from '../../support/server/http';
import type { ManagementClient } from '../../support/server/management';
import { managementClient, managementToken } from '../../support/server/management';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';

/**
 * The admin scenario of issue #5, over HTTP only: the machine-to-machine client manages the tenant the
 * way an admin tool would, and the tenant log records every step.
 */
let server: TestServer;
let m2m: ManagementClient;

type Json = Record<string, unknown>;

const realm = 'scenario-partners';
const email = 'pat@partners.test';
const password = 'Partner-Passw0rd!';
const claim = 'https://gatehouse.test/partner';

beforeAll(async () => {
  server = await startTestServer();
  m2m = managementClient(server, await managementToken(server, 'm2m'));
});
afterAll(() => server.close());

const signIn = () => desktopLogin(server, { username: email, password, realm });
const refresh = (token: unknown) => desktopRefresh(server, token);

describe('admin scenario through the Management API', () => {
  it('creates a realm and a user, adds a rule, blocks and unblocks the user, and the log shows it all', async () => {
    const started = Date.now();
    const m2mToken = decodePayload(await managementToken(server, 'm2m'));
    expect(m2mToken).toMatchObject({ sub: `${demo.clients.adminM2m.clientId}@clients`, gty: 'client-credentials' });

    // 1. The M2M client creates a connection, enabled for the desktop app.
    const connection = await m2m.post('/connections', {
      name: realm,
      strategy: 'auth0',
      options: { passwordPolicy: 'good', brute_force_protection: true },
      enabled_clients: [demo.clients.desktop.clientId],
    });
    expect(connection.status).toBe(201);

    // 2. It creates a user in that connection.
    const user = await m2m.post('/users', {
      connection: realm,
      email,
      password,
      name: 'Pat Partner',
      email_verified: true,
    });
    expect(user.status).toBe(201);
    const userId = String(user.json['user_id']);
    const userPath = `/users/${encodeURIComponent(userId)}`;

    // 3. The user signs in with password-realm.
    const first = await signIn();
    expect(first.status).toBe(200);
    const jwks = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`));
    const firstId = await jwtVerify(String(first.json['id_token']), jwks, { issuer: server.issuer });
    expect(firstId.payload.sub).toBe(userId);
    expect(firstId.payload[claim]).toBeUndefined();

    // 4. A rule is added; the next login carries its claim.
    const rule = await m2m.post('/rules', {
      name: 'Tag partners',
      script: `function (user, context, callback) {
        context.idToken['${claim}'] = context.connection;
        context.accessToken['${claim}'] = context.connection;
        callback(null, user, context);
      }`,
      enabled: true,
    });
    expect(rule.status).toBe(201);
    const second = await signIn();
    expect(second.status).toBe(200);
    const secondId = await jwtVerify(String(second.json['id_token']), jwks, { issuer: server.issuer });
    expect(secondId.payload[claim]).toBe(realm);
    expect(decodePayload(second.json['access_token'])[claim]).toBe(realm);

    // 5. The user is blocked: the refresh token is refused and so is a new login.
    const blocked = await m2m.patch(userPath, { blocked: true });
    expect(blocked.status).toBe(200);
    expect(blocked.json['blocked']).toBe(true);
    const refused = await refresh(second.json['refresh_token']);
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ error: 'invalid_grant' });
    const blockedLogin = await signIn();
    expect(blockedLogin.status).toBe(401);
    expect(blockedLogin.json).toMatchObject({ error: 'unauthorized', error_description: 'user is blocked' });

    // 6. Unblocked, the user signs in again.
    const unblocked = await m2m.patch(userPath, { blocked: false });
    expect(unblocked.json['blocked']).toBe(false);
    const third = await signIn();
    expect(third.status).toBe(200);

    // 7. The tenant log shows every step, oldest first, with the actor on each Management write.
    const logs = (await m2m.get('/logs?sort=date:1&per_page=100')).body as Json[];
    const since = logs.filter((entry) => Date.parse(String(entry['date'])) >= started - 1000);
    const steps = since
      .filter((entry) => ['sapi', 'sepft', 'fertft', 'f', 'fp', 'fepft'].includes(String(entry['type'])))
      .map((entry) => `${String(entry['type'])}:${String(entry['description'])}`);
    const expected = [
      'sapi:Create a connection',
      'sapi:Create a User',
      'sepft',
      'sapi:Create a rule',
      'sepft',
      'sapi:Update a User',
      'fertft',
      'sapi:Update a User',
      'sepft',
    ];
    let cursor = 0;
    for (const step of steps) {
      const wanted = expected[cursor];
      if (wanted !== undefined && step.startsWith(wanted)) cursor += 1;
    }
    expect(cursor, steps.join('\n')).toBe(expected.length);

    const writes = since.filter((entry) => entry['type'] === 'sapi');
    for (const entry of writes) expect(entry['client_id']).toBe(demo.clients.adminM2m.clientId);
    const logins = since.filter((entry) => entry['type'] === 'sepft');
    for (const entry of logins) expect(entry).toMatchObject({ user_id: userId, connection: realm });
    const userLog = (await m2m.get(`${userPath}/logs?sort=date:1`)).body as Json[];
    expect(userLog.map((entry) => entry['type'])).toEqual(expect.arrayContaining(['sepft', 'fertft']));
  });
});
