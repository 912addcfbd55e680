import { describe, expect, it } from 'vitest';
import { formatAccountId, parseAccountId } from '../../../../main/session/account-id';

describe('keychain account ids', () => {
  it('writes <profileId>/<realm>/<username>', () => {
    expect(formatAccountId({ profileId: 'demo', realm: 'employees', username: 'alice@example.com' })).toBe(
      'demo/employees/alice@example.com',
    );
  });

  it('round-trips the default directory and usernames containing slashes', () => {
    const ref = { profileId: 'demo', realm: null, username: 'corp/alice' };
    expect(parseAccountId(formatAccountId(ref))).toEqual(ref);
  });

  it.each(['', 'demo', 'demo/employees', 'demo/employees/', '/employees/alice', 'demo//alice'])('refuses %j', (text) =>
    expect(parseAccountId(text)).toBeNull(),
  );
});
