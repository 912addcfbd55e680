import { describe, expect, it } from 'vitest';
import type { ScopeApi } from '../../../../server/tokens/scope-decision';
import { decideScopes, narrowScope, parseScope } from '../../../../server/tokens/scope-decision';

const reportsApi: ScopeApi = {
  scopes: ['read:reports', 'write:reports'],
  allowOfflineAccess: true,
  enforcePolicies: false,
};

function decide(requested: string, overrides: Partial<Parameters<typeof decideScopes>[0]> = {}) {
  return decideScopes({
    requested: parseScope(requested),
    api: reportsApi,
    userPermissions: [],
    clientMayRefresh: true,
    ...overrides,
  });
}

describe('parseScope', () => {
  it('splits on any whitespace, drops empties and repeats, keeps order', () => {
    expect(parseScope('  openid\tprofile  openid\nread:reports ')).toEqual(['openid', 'profile', 'read:reports']);
    expect(parseScope(undefined)).toEqual([]);
    expect(parseScope('')).toEqual([]);
  });
});

describe('decideScopes', () => {
  it('grants every API scope when no API scope is requested', () => {
    expect(decide('').granted).toEqual(['read:reports', 'write:reports']);
    expect(decide('openid email').granted).toEqual(['openid', 'email', 'read:reports', 'write:reports']);
  });

  it('grants only the requested API scopes that exist', () => {
    expect(decide('write:reports delete:reports').granted).toEqual(['write:reports']);
  });

  it('expands a lone openid to profile and email', () => {
    expect(decide('openid').granted).toEqual(['openid', 'profile', 'email', 'read:reports', 'write:reports']);
    expect(decide('openid offline_access read:reports').granted).toEqual([
      'openid',
      'profile',
      'email',
      'offline_access',
      'read:reports',
    ]);
  });

  it('does not expand when another identity scope is named', () => {
    expect(decide('openid profile read:reports').granted).toEqual(['openid', 'profile', 'read:reports']);
  });

  it('drops identity scopes without openid from the ID token decision', () => {
    const decision = decide('profile email');
    expect(decision.issueIdToken).toBe(false);
    expect(decision.granted).toEqual(['profile', 'email', 'read:reports', 'write:reports']);
  });

  it('issues a refresh token only with offline_access, the refresh grant and offline access on the API', () => {
    expect(decide('offline_access').issueRefreshToken).toBe(true);
    expect(decide('openid').issueRefreshToken).toBe(false);
    expect(decide('offline_access', { clientMayRefresh: false }).issueRefreshToken).toBe(false);
    const noOffline = decide('offline_access', { api: { ...reportsApi, allowOfflineAccess: false } });
    expect(noOffline.issueRefreshToken).toBe(false);
    expect(noOffline.granted).not.toContain('offline_access');
  });

  it('allows offline access for a userinfo-only token, which has no API setting', () => {
    const decision = decide('openid offline_access', { api: null });
    expect(decision.issueRefreshToken).toBe(true);
    expect(decision.granted).toEqual(['openid', 'profile', 'email', 'offline_access']);
  });

  it('intersects with the user permissions when the API enforces RBAC', () => {
    const rbac = { api: { ...reportsApi, enforcePolicies: true } };
    expect(decide('', { ...rbac, userPermissions: ['read:reports'] }).granted).toEqual(['read:reports']);
    expect(decide('write:reports', { ...rbac, userPermissions: ['read:reports'] }).granted).toEqual([]);
    expect(decide('', { ...rbac, userPermissions: [] }).granted).toEqual([]);
  });

  it('does not treat an API scope named like an OIDC scope as an API permission', () => {
    const api = { ...reportsApi, scopes: ['openid', 'read:reports'] };
    expect(decide('', { api }).granted).toEqual(['read:reports']);
  });
});

describe('narrowScope', () => {
  const original = ['openid', 'offline_access', 'read:reports', 'write:reports'];

  it('keeps the original when nothing is requested', () => {
    expect(narrowScope(original, undefined)).toEqual(original);
    expect(narrowScope(original, [])).toEqual(original);
  });

  it('allows a subset, in the original order', () => {
    expect(narrowScope(original, ['write:reports', 'openid'])).toEqual(['openid', 'write:reports']);
  });

  it('refuses anything not originally granted', () => {
    expect(narrowScope(original, ['openid', 'delete:reports'])).toBeUndefined();
  });
});
