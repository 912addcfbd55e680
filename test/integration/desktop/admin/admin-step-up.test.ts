import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Permission, Role, User } from '../../../../common/admin/user.schema';
import type { AdminAccess, StepUpOutcome } from '../../../../common/ipc/admin.contract';
import type { SessionSummary } from '../../../../common/ipc/session.schema';
import { keychainService } from '../../../../main/secrets/keytar-secret-store';
import { IdleLock } from '../../../../main/session/idle-lock';
import { cheapArgon2 } from '../../../support/server/cheap-hasher';
import { startTestServer, type TestServer } from '../../../support/server/start-test-server';
import { totp } from '../../../support/totp';
import { adminDesk, adminUsers, type AdminDesk } from './admin-desk';

// design/features.md item 7: opening the admin pane gets a separate, short-lived Management API token
// (a step-up with the password again), so the everyday session never holds admin power and is never
// replaced by the admin sign-in. Real reference server, real keychain, the app's real IPC router.
// The server and the app each read their own adjustable clock, so expiry needs no sleeping.
let server: TestServer;
let desk: AdminDesk;
let serverAhead = 0;
let appAhead = 0;

beforeAll(async () => {
  server = await startTestServer({
    clock: () => Date.now() + serverAhead,
    server: { passwordHasher: await cheapArgon2() },
  });
  desk = await adminDesk(server, { clock: () => Date.now() + appAhead });
});
afterAll(async () => {
  await desk.close();
  await server.close();
});

/** The Management API's own token lifetime (server/tenant/management-api.ts), plus a minute. */
const pastManagementTokenLifetime = (86_400 + 60) * 1000;
const mfaSecret = 'JBSWY3DPEHPK3PXP';
const required = { ok: false, error: { code: 'admin_step_up_required' } };

/** The permissions the tenant's role grants on the Management API, read with the M2M client. */
async function rolePermissions(name: string): Promise<string[]> {
  const roles = await desk.value<Role[]>('admin:listRoles', { via: desk.m2m, nameFilter: name });
  const role = roles.find((item) => item.name === name);
  if (role === undefined) throw new Error(`no role ${name}`);
  const permissions = await desk.value<Permission[]>('admin:listRolePermissions', { via: desk.m2m, id: role.id });
  return permissions
    .filter((permission) => permission.resource_server_identifier === `${server.issuer}api/v2/`)
    .map((permission) => permission.permission_name)
    .sort();
}

async function stepUpAs(accountId: string, user: keyof typeof adminUsers): Promise<AdminAccess> {
  const outcome = await desk.value<StepUpOutcome>('admin:stepUp', { accountId, password: adminUsers[user].password });
  if (outcome.status !== 'stepped_up') throw new Error(`step-up asked for more: ${outcome.status}`);
  return outcome.access;
}

const profileEntries = async () =>
  (await keytar.findCredentials(keychainService))
    .filter((entry) => entry.account.startsWith(`${desk.desktopProfileId}/`))
    .map((entry) => entry.account)
    .sort();

describe('admin step-up', { timeout: 60_000 }, () => {
  it('lets the admin step up and list users, leaving the everyday session exactly as it was', async () => {
    const accountId = await desk.signIn('admin');
    const { sessions } = desk.services;
    const before = await desk.value<SessionSummary>('auth:session');
    const storedBefore = await keytar.getPassword(keychainService, accountId);
    const tokenBefore = await sessions.accessToken(accountId);
    expect(before.audience).not.toBe(`${server.issuer}api/v2/`);

    // The everyday session holds no admin power.
    expect(await desk.call('admin:listUsers', {})).toMatchObject({
      ok: false,
      error: { code: 'admin_step_up_required', message: expect.stringContaining(adminUsers.admin.username) },
    });

    const access = await stepUpAs(accountId, 'admin');
    expect(access).toMatchObject({ via: 'session', accountId, audience: `${server.issuer}api/v2/` });
    expect(access.subject).toBe(before.user.sub);
    const found = await desk.value<{ items: User[] }>('admin:listUsers', { q: 'email:"alice@example.com"' });
    expect(found.items.map((user) => user.email)).toEqual(['alice@example.com']);
    expect(await desk.value<AdminAccess>('admin:access', { via: { kind: 'session', accountId } })).toEqual(access);

    // Same summary, same access token, same keychain entry, and no second entry for the step-up.
    expect(await desk.value('auth:session')).toEqual(before);
    expect(await desk.value<SessionSummary[]>('auth:accounts')).toEqual([before]);
    expect(await sessions.accessToken(accountId)).toEqual(tokenBefore);
    expect(await keytar.getPassword(keychainService, accountId)).toBe(storedBefore);
    expect(await profileEntries()).toEqual([accountId]);

    // And it still renews with its own refresh token (rotated in the keychain), while the step-up lives on.
    const renewed = await sessions.refresh(accountId);
    expect(renewed.ok).toBe(true);
    expect(await keytar.getPassword(keychainService, accountId)).not.toBe(storedBefore);
    expect(await desk.value<AdminAccess>('admin:access', {})).toMatchObject({ accountId });
    await desk.call('auth:signOut', { accountId });
  });

  it('carries exactly the permissions of the user’s role: all of admin’s, and only support’s for support', async () => {
    const admin = await desk.stepUp('admin');
    const adminAccess = await desk.value<AdminAccess>('admin:access', { via: { kind: 'session', accountId: admin } });
    expect([...adminAccess.scopes].sort()).toEqual(await rolePermissions('admin'));

    const support = await desk.stepUp('support');
    const via = { kind: 'session', accountId: support } as const;
    const supportAccess = await desk.value<AdminAccess>('admin:access', { via });
    const supportPermissions = await rolePermissions('support');
    expect([...supportAccess.scopes].sort()).toEqual(supportPermissions);
    expect(supportPermissions).toEqual(
      ['read:actions', 'read:clients', 'read:connections', 'read:logs', 'read:rules', 'read:users'].sort(),
    );
    expect(await desk.call('admin:createRole', { via, role: { name: 'not-allowed' } })).toMatchObject({
      ok: false,
      error: { code: 'insufficient_scope', detail: { status: 403 } },
    });
    // A user without an admin role gets a token that allows nothing.
    const alice = await desk.stepUp('alice');
    expect(await desk.value<AdminAccess>('admin:access', { via: { kind: 'session', accountId: alice } })).toMatchObject(
      { scopes: [] },
    );
    expect(await desk.value('admin:stepDown', {})).toEqual({ steppedDown: 3 });
  });

  it('asks for the second factor when the server demands MFA, without touching the sign-in’s MFA flow', async () => {
    const mfaAccount = `${desk.desktopProfileId}/employees/${adminUsers.mfa.username}`;
    const first = await desk.value<StepUpOutcome>('admin:stepUp', {
      accountId: mfaAccount,
      password: adminUsers.mfa.password,
    });
    if (first.status !== 'mfa_required') throw new Error('expected mfa_required');
    expect(first.mfa).toMatchObject({ username: adminUsers.mfa.username, realm: 'employees' });
    expect(first.mfa.authenticators).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'otp' })]));
    expect(await desk.value('mfa:status')).toBeNull(); // the everyday sign-in has nothing pending

    const transactionId = first.mfa.transactionId;
    expect(
      await desk.call('admin:stepUpVerify', { transactionId, factor: { type: 'otp', otp: '000000' } }),
    ).toMatchObject({ ok: false, error: { code: 'mfa_invalid_code' } });
    const verified = await desk.value<{ access: AdminAccess }>('admin:stepUpVerify', {
      transactionId,
      factor: { type: 'otp', otp: totp(mfaSecret, Date.now() + serverAhead) },
    });
    expect(verified.access).toMatchObject({ via: 'session', accountId: mfaAccount, scopes: [] });
    expect(await desk.value<SessionSummary[]>('auth:accounts')).toEqual([]);
    expect(
      await desk.call('admin:stepUpVerify', { transactionId, factor: { type: 'otp', otp: '123456' } }),
    ).toMatchObject({ ok: false, error: { code: 'mfa_expired' } });
    await desk.call('admin:stepDown', { accountId: mfaAccount });
  });

  it('ends when its token expires: admin_step_up_required, and a new step-up works again', async () => {
    const accountId = await desk.stepUp('admin');
    appAhead = pastManagementTokenLifetime;
    try {
      expect(await desk.call('admin:listUsers', {})).toMatchObject({
        ok: false,
        error: { code: 'admin_step_up_required', message: expect.stringMatching(/expired/) },
      });
      expect(await desk.call('admin:access', { via: { kind: 'session', accountId } })).toMatchObject(required);
    } finally {
      appAhead = 0;
    }
    // Forgotten, not just hidden: going back in time does not revive it.
    expect(await desk.call('admin:access', { via: { kind: 'session', accountId } })).toMatchObject(required);
    await desk.stepUp('admin');
    expect(await desk.value<AdminAccess>('admin:access', {})).toMatchObject({ accountId });
    await desk.call('admin:stepDown', {});
  });

  it('ends when the server refuses the token (401), without retrying or refreshing', async () => {
    const accountId = await desk.stepUp('admin');
    serverAhead = pastManagementTokenLifetime;
    try {
      expect(await desk.call('admin:listRules', {})).toMatchObject({
        ok: false,
        error: { code: 'admin_step_up_required', detail: { status: 401 } },
      });
    } finally {
      serverAhead = 0;
    }
    expect(await desk.call('admin:listRules', { via: { kind: 'session', accountId } })).toMatchObject(required);
  });

  it('ends on sign-out, on sign out of all, on the idle lock and on step-down', async () => {
    const { sessions } = desk.services;
    const accountId = await desk.signIn('admin');
    await desk.stepUp('admin');
    expect(await desk.value('auth:signOut', { accountId })).toEqual({ signedOut: true });
    expect(await desk.call('admin:access', {})).toMatchObject(required);

    // A step-up without an everyday session still ends with "sign out of all".
    await desk.stepUp('admin');
    await desk.value('auth:signOutAll');
    expect(await desk.call('admin:access', {})).toMatchObject(required);

    // The idle lock, as main/index.ts wires it: the everyday session keeps its refresh token, the step-up goes.
    await desk.signIn('admin');
    await desk.stepUp('admin');
    new IdleLock({ idleSeconds: () => 600, limitSeconds: 300, lock: () => sessions.lock() }).check();
    expect(await desk.call('admin:listUsers', {})).toMatchObject(required);
    expect(await desk.value<SessionSummary>('auth:unlock')).toMatchObject({ accountId, locked: false });
    expect(await desk.call('admin:access', {})).toMatchObject(required);

    await desk.stepUp('admin');
    expect(await desk.value('admin:stepDown', { accountId })).toEqual({ steppedDown: 1 });
    expect(await desk.call('admin:access', {})).toMatchObject(required);
    await desk.call('auth:signOut', { accountId });
  });

  it('refuses a wrong password and bad input with typed errors, and keeps nothing', async () => {
    const wrong = await desk.call('admin:stepUp', {
      profileId: desk.desktopProfileId,
      realm: 'employees',
      username: adminUsers.admin.username,
      password: 'not-the-password',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_credentials', detail: { status: 403 } } });
    expect(await desk.call('admin:stepUp', { accountId: 'no-slashes', password: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await desk.call('admin:stepUp', { accountId: 'a/b/c', password: 'x', token: 'eyJ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await desk.call('admin:access', {})).toMatchObject(required);
  });

  it('never sends the step-up token, the password or an mfa_token to the window', async () => {
    desk.sent.length = 0;
    const accountId = await desk.signIn('admin');
    await desk.stepUp('admin');
    await desk.call('admin:access', {});
    await desk.call('admin:listUsers', { q: 'email:"admin@example.com"' });
    await desk.call('admin:stepUp', {
      accountId: `${desk.desktopProfileId}/employees/${adminUsers.mfa.username}`,
      password: adminUsers.mfa.password,
    });
    await desk.call('auth:lock');
    await desk.call('auth:signOut', { accountId });
    const windowText = JSON.stringify(desk.sent);
    expect(windowText).toContain('"status":"stepped_up"'); // the recorder saw the step-up's answer
    expect(windowText).toContain('"status":"mfa_required"');
    expect(windowText).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/);
    expect(windowText).not.toMatch(/mfa_?token/i);
    expect(windowText).not.toContain(adminUsers.admin.password);
    expect(windowText).not.toContain(adminUsers.mfa.password);
  });
});
