import { describe, expect, it } from 'vitest';
import { groupScopes, hasAnyScope } from '../../../../../renderer/features/admin/scopes';

describe('admin scopes', () => {
  it('groups Management API scopes by resource, verbs in read-create-update-delete order', () => {
    expect(groupScopes(['delete:users', 'read:users', 'update:users', 'read:logs', 'read:logs_users'])).toEqual([
      { resource: 'logs', verbs: ['read'] },
      { resource: 'logs_users', verbs: ['read'] },
      { resource: 'users', verbs: ['read', 'update', 'delete'] },
    ]);
  });

  it('allows a write when any one of the scopes the server accepts is held', () => {
    expect(hasAnyScope(['read:users', 'create:role_members'], ['update:users', 'create:role_members'])).toBe(true);
    expect(hasAnyScope(['read:users'], ['update:users', 'create:role_members'])).toBe(false);
  });
});
