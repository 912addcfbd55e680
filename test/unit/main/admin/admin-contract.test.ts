import { describe, expect, it } from 'vitest';
import { Client, ResourceServer } from '../../../../common/admin/client.schema';
import { Connection } from '../../../../common/admin/connection.schema';
import { Action } from '../../../../common/admin/extensibility.schema';
import { adminChannels } from '../../../../common/ipc/admin.contract';
import { listChannels } from '../../../../common/ipc/contract';

const channels = Object.values(adminChannels);

describe('the admin:* contract', () => {
  it('is registered in the IPC contract, one channel per verb', () => {
    const registered = listChannels().filter(({ domain }) => domain === 'admin');
    expect(registered.map(({ spec }) => spec.id).sort()).toEqual(channels.map((spec) => spec.id).sort());
    expect(channels.length).toBeGreaterThanOrEqual(60);
  });

  it.each(channels.map((spec) => [spec.id, spec] as const))('%s refuses fields it does not name', (_id, spec) => {
    expect(spec.input.safeParse({ surprise: true }).success).toBe(false);
  });

  it('takes credentials as the active admin session, a named account, or an M2M profile; nothing else', () => {
    const input = adminChannels.listRules.input;
    expect(input.safeParse({}).success).toBe(true);
    expect(input.safeParse({ via: { kind: 'session' } }).success).toBe(true);
    expect(input.safeParse({ via: { kind: 'session', accountId: 'p/employees/admin@example.com' } }).success).toBe(
      true,
    );
    expect(input.safeParse({ via: { kind: 'm2m', profileId: 'tenant-admin' } }).success).toBe(true);
    expect(input.safeParse({ via: { kind: 'm2m' } }).success).toBe(false);
    expect(input.safeParse({ via: { kind: 'm2m', profileId: 'x', clientSecret: 's' } }).success).toBe(false);
    expect(input.safeParse({ via: { kind: 'token', token: 'eyJ' } }).success).toBe(false);
  });

  it('takes a step-up for an account id or a profile, realm and user, with a password; nothing else', () => {
    const { stepUp, stepUpVerify, stepDown } = adminChannels;
    const password = 'Admin-Demo-Passw0rd!';
    expect(stepUp.input.safeParse({ accountId: 'p/employees/admin@example.com', password }).success).toBe(true);
    expect(stepUp.input.safeParse({ profileId: 'p', realm: null, username: 'admin', password }).success).toBe(true);
    expect(stepUp.input.safeParse({ accountId: 'p/e/u', profileId: 'p', password }).success).toBe(false);
    expect(stepUp.input.safeParse({ accountId: 'p/e/u', password: '' }).success).toBe(false);
    expect(stepUp.input.safeParse({ accountId: 'p/e/u', password: 'é'.repeat(513) }).success).toBe(false);
    expect(stepUp.input.safeParse({ accountId: 'p/e/u', password, via: { kind: 'session' } }).success).toBe(false);
    const verify = (factor: unknown) => stepUpVerify.input.safeParse({ transactionId: 't', factor }).success;
    expect(verify({ type: 'otp', otp: '123456' })).toBe(true);
    expect(verify({ type: 'otp', otp: '12345' })).toBe(false);
    expect(verify({ type: 'recovery', recoveryCode: 'ABCDEFGH12' })).toBe(true);
    expect(verify({ type: 'sms', code: '1' })).toBe(false);
    expect(stepDown.input.safeParse({}).success).toBe(true);
  });

  it('strips credentials from Auth0 objects before they can reach the window', () => {
    const client = Client.parse({ client_id: 'c', client_secret: 'shh', signing_keys: [{ cert: 'x' }], name: 'n' });
    expect(client).toEqual({ client_id: 'c', name: 'n' });
    const api = ResourceServer.parse({ id: 'a', identifier: 'https://api/', signing_secret: 'shh' });
    expect(api).toEqual({ id: 'a', identifier: 'https://api/' });
    const action = Action.parse({ id: 'x', name: 'n', secrets: [{ name: 'KEY', value: 'shh' }] });
    expect(JSON.stringify(action)).not.toContain('shh');
  });

  it('keeps a connection’s options whole, so a PATCH can send back exactly what was read', () => {
    const options = {
      passwordPolicy: 'good',
      customScripts: { login: 'x' },
      attributes: { email: { identifier: { active: true } } },
    };
    expect(Connection.parse({ id: 'con_1', name: 'db', strategy: 'auth0', options }).options).toEqual(options);
  });

  it('validates inputs before anything is sent: names, ids, pages and the user search sort', () => {
    const { createConnection, listUsers, reorderRules, resetPassword, createRule } = adminChannels;
    expect(createConnection.input.safeParse({ connection: { name: '-bad-' } }).success).toBe(false);
    expect(createConnection.input.parse({ connection: { name: 'good-name' } }).connection.strategy).toBe('auth0');
    expect(listUsers.input.safeParse({ perPage: 101 }).success).toBe(false);
    expect(listUsers.input.safeParse({ sort: 'created_at:1' }).success).toBe(true);
    expect(listUsers.input.safeParse({ sort: 'created_at:1;drop' }).success).toBe(false);
    expect(reorderRules.input.safeParse({ ids: [] }).success).toBe(false);
    expect(resetPassword.input.safeParse({ userId: 'auth0|1', password: '' }).success).toBe(false);
    expect(createRule.input.safeParse({ rule: { name: ' leading space', script: 'x' } }).success).toBe(false);
  });
});
