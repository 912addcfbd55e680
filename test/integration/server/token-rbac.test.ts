import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { managementApiScopes } from '../../../server/tenant/management-api';
import { demo } from '../../support/server/demo-tenant';
import { decodePayload, postForm } from '../../support/server/http';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type DemoUser = keyof typeof demo.users;

function login(who: DemoUser, extra: Record<string, string>) {
  const user = demo.users[who];
  return postForm(`${server.url}/oauth/token`, {
    grant_type: demo.grants.passwordRealm,
    client_id: demo.clients.desktop.clientId,
    username: user.email,
    password: user.password,
    realm: user.realm,
    ...extra,
  });
}

describe('scopes with RBAC (auth0-wire.md §1.5)', () => {
  it('gives the admin role every Management API permission', async () => {
    const response = await login('admin', { audience: `${server.issuer}api/v2/`, scope: 'openid' });
    expect(response.status).toBe(200);
    expect(response.json['scope']).toBe(['openid', 'profile', 'email', ...managementApiScopes].join(' '));
    const claims = decodePayload(response.json['access_token']);
    expect(claims['aud']).toEqual([`${server.issuer}api/v2/`, `${server.issuer}userinfo`]);
  });

  it('gives the support role exactly its six read permissions', async () => {
    const response = await login('support', { audience: `${server.issuer}api/v2/` });
    expect(response.status).toBe(200);
    expect(String(response.json['scope']).split(' ').sort()).toEqual(
      ['read:actions', 'read:clients', 'read:connections', 'read:logs', 'read:rules', 'read:users'].sort(),
    );
  });

  it('intersects requested scopes with the role: asking for more gives no more', async () => {
    const response = await login('support', {
      audience: `${server.issuer}api/v2/`,
      scope: 'read:users delete:users update:attack_protection',
    });
    expect(response.status).toBe(200);
    expect(response.json['scope']).toBe('read:users');
  });

  it('gives a user without roles no Management permission at all', async () => {
    const response = await login('alice', { audience: `${server.issuer}api/v2/`, scope: 'openid read:users' });
    expect(response.status).toBe(200);
    expect(response.json['scope']).toBe('openid profile email');
  });

  it('leaves an API without RBAC alone: every scope for everyone', async () => {
    const response = await login('alice', { audience: demo.audience });
    expect(response.json['scope']).toBe('read:reports write:reports');
  });
});
