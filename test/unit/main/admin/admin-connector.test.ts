import { describe, expect, it } from 'vitest';
import { scopesOf } from '../../../../main/admin/admin-access';
import { managementBaseUrl } from '../../../../main/admin/management-client';
import { isManagementAudience, managementAudience } from '../../../../main/auth/management-audience';

describe('the Management API address and what a token allows', () => {
  it('builds the Management API address and audience from the issuer, trailing slash included', () => {
    expect(managementBaseUrl('https://tenant.example')).toBe('https://tenant.example/api/v2/');
    expect(managementAudience('https://tenant.example/')).toBe('https://tenant.example/api/v2/');
    expect(isManagementAudience('https://tenant.example/api/v2', 'https://tenant.example/')).toBe(true);
    expect(isManagementAudience('https://tenant.example/api/v2/users', 'https://tenant.example/')).toBe(false);
    expect(isManagementAudience('https://other.example/api/v2/', 'https://tenant.example/')).toBe(false);
  });

  it('merges scope and RBAC permissions once each, leaving out OpenID Connect identity scopes', () => {
    expect(scopesOf('openid profile read:users email', ['read:users', 'read:logs', 7])).toEqual([
      'read:users',
      'read:logs',
    ]);
    expect(scopesOf(undefined, undefined)).toEqual([]);
  });
});
