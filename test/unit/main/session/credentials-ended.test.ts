import { describe, expect, it } from 'vitest';
import { endsAccount, type CredentialsEnded } from '../../../../main/session/credentials-ended';
import { SessionManager } from '../../../../main/session/session-manager';
import { fixedProfiles } from '../../../../main/session/session-profiles';
import { Profile } from '../../../../main/settings/profile';
import { FakeTokenGrants } from '../../../support/fake-token-grants';
import { ManualScheduler } from '../../../support/manual-scheduler';
import { MemorySecretStore } from '../../../support/memory-secret-store';

// The session manager's hook for credentials kept outside it (the admin step-up): it must say which
// accounts ended on every path that ends them, including accounts it holds no session for.
const profileA = Profile.parse({ id: 'a', name: 'A', kind: 'auth0', issuer: 'https://a.example/', clientId: 'x' });
const profileB = Profile.parse({ ...profileA, id: 'b', issuer: 'https://b.example/' });

function harness() {
  const grants = new FakeTokenGrants();
  const scheduler = new ManualScheduler();
  grants.now = () => scheduler.now;
  const sessions = new SessionManager({
    profiles: fixedProfiles([
      { profile: profileA, grants },
      { profile: profileB, grants },
    ]),
    secretStore: new MemorySecretStore(),
    clock: () => scheduler.now,
    scheduler,
  });
  const ended: CredentialsEnded[] = [];
  sessions.onCredentialsEnded((event) => ended.push(event));
  const signIn = (profileId: string, username: string) =>
    sessions.signIn({ profileId, realm: 'employees', username, password: 'right' });
  return { sessions, grants, ended, signIn };
}

describe('the session manager’s credentials-ended hook', () => {
  it('names the account on sign-out, even one it holds no session for', async () => {
    const { sessions, ended, signIn } = harness();
    await signIn('a', 'alice');
    await sessions.signOut('a/employees/alice');
    await sessions.signOut('a/employees/admin-only');
    expect(ended).toEqual([
      { kind: 'account', accountId: 'a/employees/alice' },
      { kind: 'account', accountId: 'a/employees/admin-only' },
    ]);
  });

  it('ends every account on sign out of all and on the lock, and one profile’s when asked', async () => {
    const { sessions, ended, signIn } = harness();
    await signIn('a', 'alice');
    await signIn('b', 'bob');
    await sessions.signOutAll('b');
    expect(ended.at(-1)).toEqual({ kind: 'profile', profileId: 'b' });
    sessions.lock();
    expect(ended.at(-1)).toEqual({ kind: 'all' });
    await sessions.signOutAll();
    expect(ended.at(-1)).toEqual({ kind: 'all' });
    expect(ended).toContainEqual({ kind: 'account', accountId: 'a/employees/alice' });
  });

  it('names the account whose refresh the server refused (invalid_grant)', async () => {
    const { sessions, grants, ended, signIn } = harness();
    await signIn('a', 'alice');
    await grants.revoke('rt-1'); // the server forgets it: the next refresh is invalid_grant
    expect((await sessions.refresh('a/employees/alice')).ok).toBe(false);
    expect(ended).toEqual([{ kind: 'account', accountId: 'a/employees/alice' }]);
  });

  it('matches accounts by id, by profile, or all', () => {
    const ref = { profileId: 'a', realm: 'employees', username: 'alice' };
    const id = 'a/employees/alice';
    expect(endsAccount({ kind: 'account', accountId: id }, id, ref)).toBe(true);
    expect(endsAccount({ kind: 'account', accountId: 'a/employees/bob' }, id, ref)).toBe(false);
    expect(endsAccount({ kind: 'profile', profileId: 'a' }, id, ref)).toBe(true);
    expect(endsAccount({ kind: 'profile', profileId: 'b' }, id, ref)).toBe(false);
    expect(endsAccount({ kind: 'all' }, id, ref)).toBe(true);
  });
});
