import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aesGcmCipher } from '../../../server/extensibility/value-cipher';
import { SqliteRuleConfigRepository } from '../../../server/storage/rule-config-repository';
import { cheapArgon2 } from '../../support/server/cheap-hasher';
import { addRule, adminClient, realmLogin, waitForLogEvent } from '../../support/server/extensibility-admin';
import { decodePayload, postForm } from '../../support/server/http';
import type { ManagementClient } from '../../support/server/management';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';

const SECRETS_KEY = 'rules-test-key-encryption-secret';
let server: TestServer;
let admin: ManagementClient;

beforeAll(async () => {
  server = await startTestServer({
    server: { passwordHasher: await cheapArgon2(), keyEncryptionSecret: SECRETS_KEY },
  });
  admin = await adminClient(server);
});
afterAll(() => server.close());

/**
 * Each test's rule acts only on logins whose User-Agent carries its marker, so the rules of one test
 * leave the others' logins alone (and `context.request.userAgent` is exercised on every run).
 */
const onlyFor = (marker: string, body: string) => `function (user, context, callback) {
  if (context.request.userAgent !== '${marker}') return callback(null, user, context);
  ${body}
}`;
const ua = (marker: string) => ({ 'user-agent': marker });
const openid = { scope: 'openid profile email offline_access' };
let nextOrder = 10;
const rule = (name: string, marker: string, body: string) =>
  addRule(admin, { name, script: onlyFor(marker, body), order: nextOrder++ });

describe('the demo rule "Add realm and roles claims"', () => {
  it('is seeded enabled at order 1', async () => {
    const listed = await admin.get('/rules');
    expect(listed.body).toEqual([
      expect.objectContaining({ name: 'Add realm and roles claims', order: 1, enabled: true, stage: 'login_success' }),
    ]);
  });

  it('puts the realm and the role names in both tokens', async () => {
    const alice = await realmLogin(server, 'alice', openid);
    const adminLogin = await realmLogin(server, 'admin', openid);
    const bob = await realmLogin(server, 'bob', openid);

    for (const token of ['access_token', 'id_token']) {
      expect(decodePayload(alice.json[token])).toMatchObject({
        'https://gatehouse.test/realm': 'employees',
        'https://gatehouse.test/roles': [],
      });
      expect(decodePayload(adminLogin.json[token])).toMatchObject({
        'https://gatehouse.test/realm': 'employees',
        'https://gatehouse.test/roles': ['admin'],
      });
      expect(decodePayload(bob.json[token])).toMatchObject({ 'https://gatehouse.test/realm': 'contractors' });
    }
  });
});

describe('rules on the password exchange', () => {
  it('see the context fields of auth0-wire.md §6.3, without the password in the body', async () => {
    await rule(
      'probe context',
      'probe-context',
      `context.idToken['https://x.test/ctx'] = {
        clientID: context.clientID, clientName: context.clientName, connection: context.connection,
        connectionID: context.connectionID, strategy: context.connectionStrategy, protocol: context.protocol,
        ip: context.request.ip, userAgent: context.request.userAgent, hostname: context.request.hostname,
        body: context.request.body, logins: context.stats.loginsCount, roles: context.authorization.roles,
        methods: context.authentication.methods.map((m) => m.name), scope: context.accessToken.scope,
        multifactor: context.multifactor === undefined, redirect: context.redirect === undefined,
        user: [user.user_id, user.email, user.app_metadata !== undefined],
      };
      callback(null, user, context);`,
    );
    const response = await realmLogin(server, 'admin', openid, ua('probe-context'));

    expect(response.status).toBe(200);
    const ctx = decodePayload(response.json['id_token'])['https://x.test/ctx'] as Record<string, unknown>;
    const body = ctx['body'] as Record<string, unknown>;
    expect(ctx).toMatchObject({
      clientID: 'gatehouse-desktop',
      clientName: 'Gatehouse Desktop',
      connection: 'employees',
      strategy: 'auth0',
      protocol: 'oauth2-password',
      ip: '127.0.0.1',
      userAgent: 'probe-context',
      hostname: new URL(server.issuer).host,
      roles: ['admin'],
      methods: ['pwd'],
      scope: ['openid', 'profile', 'email', 'offline_access', 'read:reports', 'write:reports'],
      multifactor: true,
      redirect: true,
    });
    expect(ctx['connectionID']).toMatch(/^con_/);
    expect(ctx['logins']).toBeGreaterThanOrEqual(1);
    expect(body).toMatchObject({ username: 'admin@example.com', realm: 'employees', client_id: 'gatehouse-desktop' });
    expect(JSON.stringify(body)).not.toContain('Passw0rd');
    expect(ctx['user']).toEqual([expect.stringMatching(/^auth0\|/), 'admin@example.com', true]);
  });

  it('add namespaced claims to each token, and Auth0-restricted claims are dropped silently', async () => {
    await rule(
      'claims',
      'probe-claims',
      `context.accessToken['https://x.test/tier'] = 'gold';
      context.idToken['https://x.test/team'] = ['a', 'b'];
      context.accessToken.sub = 'auth0|someone-else';
      context.accessToken.permissions = ['delete:everything'];
      context.idToken.email = 'spoofed@example.com';
      context.idToken['https://auth0.com/claim'] = 'reserved';
      callback(null, user, context);`,
    );
    const response = await realmLogin(server, 'alice', openid, ua('probe-claims'));
    const access = decodePayload(response.json['access_token']);
    const id = decodePayload(response.json['id_token']);

    expect(access['https://x.test/tier']).toBe('gold');
    expect(id['https://x.test/team']).toEqual(['a', 'b']);
    expect(access['https://x.test/team']).toBeUndefined();
    expect(access['sub']).toBe(id['sub']);
    expect(String(access['sub'])).not.toContain('someone-else');
    expect(access['permissions']).toBeUndefined();
    expect(id['email']).toBe('alice@example.com');
    expect(id['https://auth0.com/claim']).toBeUndefined();
  });

  it('restrict scopes with context.accessToken.scope (token and response agree)', async () => {
    await rule(
      'narrow',
      'probe-narrow',
      `context.accessToken.scope = context.accessToken.scope.filter((s) => s !== 'write:reports');
      callback(null, user, context);`,
    );
    const response = await realmLogin(server, 'alice', openid, ua('probe-narrow'));
    expect(response.json['scope']).toBe('openid profile email offline_access read:reports');
    expect(decodePayload(response.json['access_token'])['scope']).toBe(
      'openid profile email offline_access read:reports',
    );
  });

  it('deny with UnauthorizedError (401 unauthorized) or Error (403 access_denied), with the message and a log event', async () => {
    await rule('deny 401', 'probe-401', `callback(new UnauthorizedError('Contractors sign in on weekdays only.'));`);
    await rule('deny 403', 'probe-403', `callback(new Error('This application is closed.'));`);
    await rule('throws', 'probe-throw', `throw new TypeError('bug in rule');`);

    const unauthorized = await realmLogin(server, 'bob', {}, ua('probe-401'));
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.json).toEqual({
      error: 'unauthorized',
      error_description: 'Contractors sign in on weekdays only.',
    });
    expect(unauthorized.headers.get('cache-control')).toBe('no-store');

    const denied = await realmLogin(server, 'bob', {}, ua('probe-403'));
    expect(denied.status).toBe(403);
    expect(denied.json).toEqual({ error: 'access_denied', error_description: 'This application is closed.' });

    const thrown = await realmLogin(server, 'bob', {}, ua('probe-throw'));
    expect(thrown.status).toBe(403);
    expect(thrown.json).toEqual({ error: 'access_denied', error_description: 'bug in rule' });

    const event = await waitForLogEvent(
      server.dataDir,
      'fepft',
      (_details, row) => row.description === 'Contractors sign in on weekdays only.',
    );
    expect(event.details).toMatchObject({
      error: { oauthError: 'unauthorized' },
      script: { kind: 'rule', name: 'deny 401' },
      cause: 'denied',
    });
  });

  it('require MFA with context.multifactor: 403 mfa_required with an mfa_token', async () => {
    await rule(
      'mfa',
      'probe-mfa',
      `context.multifactor = { provider: 'any', allowRememberBrowser: false }; callback(null, user, context);`,
    );
    const response = await realmLogin(server, 'alice', {}, ua('probe-mfa'));
    expect(response.status).toBe(403);
    expect(response.json['error']).toBe('mfa_required');
    expect(response.json['error_description']).toBe('Multifactor authentication required');
    expect(response.json['mfa_token']).toEqual(expect.stringMatching(/^[\w-]{43}$/));
    expect(response.json['mfa_requirements']).toEqual({
      enroll: [{ type: 'otp' }, { type: 'phone' }, { type: 'email' }],
    });
    const mfar = await waitForLogEvent(server.dataDir, 'mfar', (details) => details['reason'] === 'rule mfa');
    expect(mfar.row.user_name).toBe('alice@example.com');
  });

  it('fail the password exchange with interaction_required when they set context.redirect', async () => {
    await rule(
      'redirect',
      'probe-redirect',
      `context.redirect = { url: 'https://x.test/terms' }; callback(null, user, context);`,
    );
    const response = await realmLogin(server, 'alice', {}, ua('probe-redirect'));
    expect(response.status).toBe(400);
    expect(response.json['error']).toBe('interaction_required');
  });

  it('read configuration (stored sealed under the configured key) and log console output for the login', async () => {
    const db = new Database(join(server.dataDir, 'gatehouse.sqlite'));
    try {
      new SqliteRuleConfigRepository(db, aesGcmCipher(SECRETS_KEY), Date.now).set('GREETING', 'hello-from-config');
      const raw = db.prepare("SELECT value FROM rule_configs WHERE key = 'GREETING'").get() as { value: string };
      expect(raw.value).not.toContain('hello-from-config');
    } finally {
      db.close();
    }
    await rule(
      'config',
      'probe-config',
      `console.log('greeting is', configuration.GREETING);
      context.idToken['https://x.test/greeting'] = configuration.GREETING;
      callback(null, user, context);`,
    );
    const response = await realmLogin(server, 'alice', openid, ua('probe-config'));
    expect(decodePayload(response.json['id_token'])['https://x.test/greeting']).toBe('hello-from-config');
    const consoleEvent = await waitForLogEvent(server.dataDir, 'gh_script_console');
    expect(consoleEvent.row.user_name).toBe('alice@example.com');
    expect(consoleEvent.details).toMatchObject({
      protocol: 'oauth2-password',
      lines: [{ script: { kind: 'rule', name: 'config' }, level: 'log', line: 'greeting is hello-from-config' }],
    });
  });

  it('skip disabled rules', async () => {
    const id = await rule('disabled', 'probe-disabled', `callback(new Error('should not run'));`);
    await admin.patch(`/rules/${id}`, { enabled: false });
    const response = await realmLogin(server, 'alice', {}, ua('probe-disabled'));
    expect(response.status).toBe(200);
  });
});

describe('rules on the refresh exchange', () => {
  it('run with protocol oauth2-refresh-token, can add claims and deny', async () => {
    await rule(
      'refresh',
      'probe-refresh',
      `if (context.protocol === 'oauth2-refresh-token' && context.request.body.grant_type === 'refresh_token') {
        context.accessToken['https://x.test/protocol'] = context.protocol;
      }
      callback(null, user, context);`,
    );
    await rule(
      'refresh deny',
      'probe-refresh-deny',
      `if (context.protocol === 'oauth2-refresh-token') return callback(new Error('session ended by policy'));
      callback(null, user, context);`,
    );
    const login = await realmLogin(server, 'alice', openid);
    const refresh = (marker: string, token: unknown) =>
      postForm(
        `${server.url}/oauth/token`,
        { grant_type: 'refresh_token', client_id: 'gatehouse-desktop', refresh_token: String(token) },
        ua(marker),
      );

    const refreshed = await refresh('probe-refresh', login.json['refresh_token']);
    expect(refreshed.status).toBe(200);
    expect(decodePayload(refreshed.json['access_token'])['https://x.test/protocol']).toBe('oauth2-refresh-token');
    expect(decodePayload(refreshed.json['id_token'])['https://gatehouse.test/realm']).toBe('employees');

    const denied = await refresh('probe-refresh-deny', refreshed.json['refresh_token']);
    expect(denied.status).toBe(403);
    expect(denied.json).toEqual({ error: 'access_denied', error_description: 'session ended by policy' });
    const event = await waitForLogEvent(server.dataDir, 'fertft');
    expect(event.details).toMatchObject({ script: { name: 'refresh deny' } });
  });
});
