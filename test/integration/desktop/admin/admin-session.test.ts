import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rule } from '../../../../common/admin/extensibility.schema';
import type { User } from '../../../../common/admin/user.schema';
import type { AdminAccess } from '../../../../common/ipc/admin.contract';
import { createDesktopServices } from '../../../../main/app/desktop-services';
import { KeytarSecretStore } from '../../../../main/secrets/keytar-secret-store';
import { noPolicy } from '../../../../main/settings/managed-policy';
import { alice, demoProfile } from '../../../support/desktop-profile';
import { cheapArgon2 } from '../../../support/server/cheap-hasher';
import { startTestServer, type TestServer } from '../../../support/server/start-test-server';
import { testSettings } from '../../../support/test-settings';
import { adminDesk, type AdminDesk } from './admin-desk';

// The admin pane with a person's own credentials: a step-up (password-realm login for the Management API
// audience), whose scopes come from the user's roles (RBAC). The token stays in main; only claims and
// answers cross. Step-up rules themselves (expiry, sign-out, lock, MFA) are in admin-step-up.test.ts.
let server: TestServer;
let desk: AdminDesk;

beforeAll(async () => {
  server = await startTestServer({ server: { passwordHasher: await cheapArgon2() } });
  desk = await adminDesk(server);
});
afterAll(async () => {
  await desk.close();
  await server.close();
});

describe('admin calls with a signed-in admin', { timeout: 60_000 }, () => {
  it('asks for the password again (admin_step_up_required) when nobody has stepped up', async () => {
    expect(await desk.call('admin:listRules', {})).toMatchObject({
      ok: false,
      error: { code: 'admin_step_up_required', nextStep: expect.stringMatching(/password/) },
    });
    // An everyday session is never used for admin calls.
    await desk.call('auth:signIn', { profileId: desk.desktopProfileId, ...alice });
    expect(await desk.call('admin:listUsers', {})).toMatchObject({
      ok: false,
      error: { code: 'admin_step_up_required', message: expect.stringContaining(alice.username) },
    });
  });

  it('lets the admin read and write with the scopes of the admin role', async () => {
    const accountId = await desk.stepUp('admin');
    const access = await desk.value<AdminAccess>('admin:access', {});
    expect(access).toMatchObject({ via: 'session', accountId, audience: `${server.issuer}api/v2/` });
    expect(access.scopes).toEqual(expect.arrayContaining(['read:users', 'create:rules', 'delete:users']));
    expect(JSON.stringify(access)).not.toMatch(/eyJ/);

    const rule = await desk.value<Rule>('admin:createRule', {
      via: { kind: 'session', accountId },
      rule: {
        name: `session rule ${randomUUID().slice(0, 8)}`,
        script: 'function (user, context, callback) { callback(null, user, context); }',
        enabled: false,
      },
    });
    expect(await desk.value('admin:deleteRule', { id: rule.id })).toEqual({ done: true });
    const found = await desk.value<{ items: User[] }>('admin:listUsers', { q: 'email:"admin@example.com"' });
    expect(found.items.map((user) => user.email)).toEqual(['admin@example.com']);
  });

  it('lets support read but translates a write into insufficient_scope with the missing permission', async () => {
    const accountId = await desk.stepUp('support');
    const via = { kind: 'session', accountId } as const;
    const access = await desk.value<AdminAccess>('admin:access', { via });
    expect(access.scopes).toEqual(expect.arrayContaining(['read:users', 'read:rules']));
    expect(access.scopes).not.toContain('update:users');

    expect(await desk.value<Rule[]>('admin:listRules', { via })).toEqual(expect.any(Array));
    const users = await desk.value<{ items: User[] }>('admin:listUsers', { via, q: 'email:"alice@example.com"' });
    const refused = await desk.call('admin:blockUser', { via, userId: users.items[0]?.user_id });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'insufficient_scope',
        message:
          'Your admin access does not allow Gatehouse to block the user. It needs one of these permissions: update:users, update:users_app_metadata.',
        nextStep: expect.stringMatching(/give your role that permission/),
        detail: { status: 403, error: 'insufficient_scope' },
      },
    });
    const alicesRecord = await desk.value<User>('admin:getUser', { via, userId: users.items[0]?.user_id });
    expect(alicesRecord.blocked).toBe(false);
  });

  it('sees and lifts a suspicious-IP block on this computer’s address', async () => {
    const via = desk.m2m;
    const ip = { via, ip: '127.0.0.1' };
    expect(await desk.value('admin:checkIpBlock', ip)).toEqual({ blocked: false });
    await desk.value('admin:updateSuspiciousIp', { via, patch: { stage: { 'pre-login': { max_attempts: 2 } } } });
    try {
      for (const name of ['nobody-1', 'nobody-2', 'nobody-3']) {
        await desk.call('auth:signIn', {
          profileId: desk.desktopProfileId,
          realm: 'employees',
          username: `${name}@example.com`,
          password: 'wrong',
        });
      }
      expect(await desk.value('admin:checkIpBlock', ip)).toEqual({ blocked: true });
      expect(await desk.value('admin:clearIpBlock', ip)).toEqual({ done: true });
      expect(await desk.value('admin:checkIpBlock', ip)).toEqual({ blocked: false });
    } finally {
      await desk.value('admin:updateSuspiciousIp', { via, patch: { stage: { 'pre-login': { max_attempts: 100 } } } });
      await desk.call('admin:clearIpBlock', ip);
    }
  });

  it('explains a wrong M2M secret, and refuses everything when the policy hides the admin pane', async () => {
    const profile = { ...demoProfile(server.issuer, 'bad-m2m'), clientId: 'gatehouse-admin-m2m' };
    const m2m = { ...profile, clientAuth: 'client_secret_post' as const };
    const secrets = new KeytarSecretStore();
    await secrets.set(`client-secret:${m2m.id}`, 'not-the-secret');
    const services = createDesktopServices({
      settings: testSettings([m2m]),
      secretStore: secrets,
      trustedOrigin: 'app://gatehouse',
      userAgent: 'Gatehouse/test',
    });
    const window = { frameUrl: 'app://gatehouse/', isMainFrame: true };
    const wrong = await services.router.handle('admin:listRules', window, { via: { kind: 'm2m', profileId: m2m.id } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthorized_client', detail: { status: 401 } } });

    const locked = createDesktopServices({
      settings: testSettings([m2m], { ...noPolicy, showAdminPane: false }),
      secretStore: secrets,
      trustedOrigin: 'app://gatehouse',
      userAgent: 'Gatehouse/test',
    });
    const hidden = await locked.router.handle('admin:listRules', window, { via: { kind: 'm2m', profileId: m2m.id } });
    expect(hidden).toMatchObject({ ok: false, error: { code: 'policy_locked' } });
    const stepUp = await locked.router.handle('admin:stepUp', window, {
      profileId: m2m.id,
      realm: 'employees',
      username: 'admin@example.com',
      password: 'Admin-Demo-Passw0rd!',
    });
    expect(stepUp).toMatchObject({ ok: false, error: { code: 'policy_locked' } });
    services.sessions.dispose();
    locked.sessions.dispose();
    await secrets.delete(`client-secret:${m2m.id}`);
  });
});
