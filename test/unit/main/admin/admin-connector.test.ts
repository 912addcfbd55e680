import { describe, expect, it } from 'vitest';
import { scopesOf } from '../../../../main/admin/admin-access';
import { managementAudience, managementBaseUrl } from '../../../../main/admin/management-client';

describe('the Management API address and what a token allows', () => {
  it('builds the Management API address and audience from the issuer, trailing slash included', () => {
    expect(managementBaseUrl('https://tenant.example')).toBe('https://tenant.example/api/v2/');
    expect(managementAudience('https://tenant.example/')).toBe('https://tenant.example/api/v2/');
  });

  it('merges scope and RBAC permissions once each, leaving out OpenID Connect identity scopes', () => {
    expect(scopesOf('openid profile read:users email', ['read:users', 'read:logs', 7])).toEqual([
      'read:users',
      'read:logs',
    ]);
    expect(scopesOf(undefined, undefined)).toEqual([]);
  });
});
