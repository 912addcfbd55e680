import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cheapArgon2 } from '../../support/server/cheap-hasher';
import {
  addPostLoginAction,
  addRule,
  adminClient,
  bindPostLogin,
  boundPostLoginIds,
  realmLogin,
  waitForLogEvent,
} from '../../support/server/extensibility-admin';
import { decodePayload } from '../../support/server/http';
import type { ManagementClient } from '../../support/server/management';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';

let server: TestServer;
let admin: ManagementClient;

beforeAll(async () => {
  server = await startTestServer({ server: { passwordHasher: await cheapArgon2() } });
  admin = await adminClient(server);
});
afterAll(() => server.close());

/** Each action acts only on logins whose User-Agent carries its marker (see rules.test.ts). */
const onlyFor = (marker: string, body: string) => `exports.onExecutePostLogin = async (event, api) => {
  if (event.request.user_agent !== '${marker}') return;
  ${body}
};`;
const ua = (marker: string) => ({ 'user-agent': marker });
const openid = { scope: 'openid profile email offline_access' };
const action = (name: string, marker: string, body: string, secrets?: { name: string; value: string }[]) =>
  addPostLoginAction(admin, { name, code: onlyFor(marker, body), ...(secrets && { secrets }) });

describe('post-login actions', () => {
  it('see the event fields and their secrets, and set custom claims on each token', async () => {
    await action(
      'event probe',
      'probe-event',
      `api.idToken.setCustomClaim('https://x.test/event', {
        protocol: event.transaction.protocol, client: event.client.client_id, clientName: event.client.name,
        connection: [event.connection.name, event.connection.strategy], roles: event.authorization.roles,
        logins: event.stats.logins_count, ip: event.request.ip, audience: event.resource_server.identifier,
        user: [event.user.user_id, event.user.email], methods: event.authentication.methods.map((m) => m.name),
        secret: event.secrets.API_KEY,
      });
      api.accessToken.setCustomClaim('https://x.test/from-action', true);`,
      [{ name: 'API_KEY', value: 'k-123' }],
    );
    const response = await realmLogin(server, 'admin', openid, ua('probe-event'));
    expect(response.status).toBe(200);
    expect(decodePayload(response.json['id_token'])['https://x.test/event']).toEqual({
      protocol: 'oauth2-password',
      client: 'gatehouse-desktop',
      clientName: 'Gatehouse Desktop',
      connection: ['employees', 'auth0'],
      roles: ['admin'],
      logins: expect.any(Number),
      ip: '127.0.0.1',
      audience: 'https://api.gatehouse.test/',
      user: [expect.stringMatching(/^auth0\|/), 'admin@example.com'],
      methods: ['pwd'],
      secret: 'k-123',
    });
    expect(decodePayload(response.json['access_token'])['https://x.test/from-action']).toBe(true);
  });

  it('add and remove scopes', async () => {
    await action(
      'scopes',
      'probe-scopes',
      `api.accessToken.removeScope('write:reports');
      api.accessToken.removeScope('offline_access');`,
    );
    const response = await realmLogin(server, 'alice', openid, ua('probe-scopes'));
    expect(response.json['scope']).toBe('openid profile email read:reports');
    // offline_access removed: no refresh token either.
    expect(response.json['refresh_token']).toBeUndefined();
  });

  it('run after the rules: an action overrides a claim a rule set', async () => {
    await addRule(admin, {
      name: 'rule before action',
      order: 50,
      script: `function (user, context, callback) {
        if (context.request.userAgent === 'probe-order') context.idToken['https://x.test/who'] = 'rule';
        callback(null, user, context);
      }`,
    });
    await action('order', 'probe-order', `api.idToken.setCustomClaim('https://x.test/who', 'action');`);
    const response = await realmLogin(server, 'alice', openid, ua('probe-order'));
    expect(decodePayload(response.json['id_token'])['https://x.test/who']).toBe('action');
  });

  it('api.access.deny fails the login with 403 access_denied and the reason', async () => {
    await action('deny', 'probe-deny', `api.access.deny('Access from this network is not allowed.');`);
    const response = await realmLogin(server, 'alice', {}, ua('probe-deny'));
    expect(response.status).toBe(403);
    expect(response.json).toEqual({
      error: 'access_denied',
      error_description: 'Access from this network is not allowed.',
    });
    const event = await waitForLogEvent(server.dataDir, 'fepft');
    expect(event.details).toMatchObject({ script: { kind: 'action', name: 'deny' }, cause: 'denied' });
  });

  it('api.multifactor.enable answers mfa_required', async () => {
    await action('mfa', 'probe-mfa', `api.multifactor.enable('any', { allowRememberBrowser: false });`);
    const response = await realmLogin(server, 'alice', {}, ua('probe-mfa'));
    expect(response.status).toBe(403);
    expect(response.json['error']).toBe('mfa_required');
    expect(typeof response.json['mfa_token']).toBe('string');
  });

  it('api.redirect.canRedirect() is false and sendUserTo fails with interaction_required', async () => {
    await action(
      'redirect',
      'probe-redirect',
      `if (!api.redirect.canRedirect()) api.redirect.sendUserTo('https://x.test/consent');`,
    );
    const response = await realmLogin(server, 'alice', {}, ua('probe-redirect'));
    expect(response.status).toBe(400);
    expect(response.json['error']).toBe('interaction_required');
  });

  it('run the deployed version only, and roll back to an older one', async () => {
    const code = (tag: string) =>
      onlyFor('probe-version', `api.idToken.setCustomClaim('https://x.test/version', '${tag}');`);
    const id = await addPostLoginAction(admin, { name: 'versioned', code: code('v1') });
    const claim = async () =>
      decodePayload((await realmLogin(server, 'alice', openid, ua('probe-version'))).json['id_token'])[
        'https://x.test/version'
      ];
    expect(await claim()).toBe('v1');

    await admin.patch(`/actions/actions/${id}`, { code: code('v2') });
    expect(await claim()).toBe('v1');
    await admin.post(`/actions/actions/${id}/deploy`);
    expect(await claim()).toBe('v2');

    const versions = (await admin.get(`/actions/actions/${id}/versions`)).json['versions'] as {
      id: string;
      number: number;
    }[];
    const v1 = versions.find((version) => version.number === 1);
    const rolled = await admin.post(`/actions/actions/${id}/versions/${v1?.id}/deploy`);
    expect(rolled.status).toBe(202);
    expect(await claim()).toBe('v1');
  });

  it('run in binding order: the later binding wins a claim both set', async () => {
    const first = await action('first', 'probe-binding', `api.idToken.setCustomClaim('https://x.test/last', 'first');`);
    const second = await action(
      'second',
      'probe-binding',
      `api.idToken.setCustomClaim('https://x.test/last', 'second');`,
    );
    const claim = async () =>
      decodePayload((await realmLogin(server, 'alice', openid, ua('probe-binding'))).json['id_token'])[
        'https://x.test/last'
      ];
    expect(await claim()).toBe('second');

    const others = (await boundPostLoginIds(admin)).filter((id) => id !== first && id !== second);
    await bindPostLogin(admin, [...others, second, first]);
    expect(await claim()).toBe('first');
  });

  it('capture console output into the tenant log', async () => {
    await action('console', 'probe-console', `console.log('user', event.user.email, { n: 1 });`);
    await realmLogin(server, 'alice', {}, ua('probe-console'));
    const event = await waitForLogEvent(server.dataDir, 'gh_script_console');
    expect(event.details).toMatchObject({
      lines: [{ script: { kind: 'action', name: 'console' }, line: 'user alice@example.com {"n":1}' }],
    });
  });
});
