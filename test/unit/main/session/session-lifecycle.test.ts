import { beforeEach, describe, expect, it } from 'vitest';
import { SessionManager } from '../../../../main/session/session-manager';
import { fixedProfiles } from '../../../../main/session/session-profiles';
import type { SessionPolicy } from '../../../../main/session/session-policy';
import { Profile } from '../../../../main/settings/profile';
import { FakeTokenGrants } from '../../../support/fake-token-grants';
import { ManualScheduler } from '../../../support/manual-scheduler';
import { MemorySecretStore } from '../../../support/memory-secret-store';

const profileA = Profile.parse({
  id: 'a',
  name: 'A',
  kind: 'auth0',
  issuer: 'https://a.example/',
  clientId: 'x',
  realms: ['employees', 'contractors'],
});
const profileB = Profile.parse({ ...profileA, id: 'b', issuer: 'https://b.example/' });
const alice = { profileId: 'a', realm: 'employees', username: 'alice@example.com', password: 'right' };

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('session lifecycle', () => {
  let grantsA: FakeTokenGrants;
  let grantsB: FakeTokenGrants;
  let store: MemorySecretStore;
  let scheduler: ManualScheduler;

  function manager(policy?: SessionPolicy): SessionManager {
    return new SessionManager({
      profiles: fixedProfiles([
        { profile: profileA, grants: grantsA },
        { profile: profileB, grants: grantsB },
      ]),
      secretStore: store,
      clock: () => scheduler.now,
      scheduler,
      ...(policy === undefined ? {} : { policy }),
    });
  }

  beforeEach(() => {
    grantsA = new FakeTokenGrants();
    grantsB = new FakeTokenGrants();
    store = new MemorySecretStore();
    scheduler = new ManualScheduler();
    grantsA.now = grantsB.now = () => scheduler.now;
  });

  it('refreshes proactively at 80% of the access token’s lifetime', async () => {
    grantsA.lifetimeMs = 600_000;
    const sessions = manager();
    await sessions.signIn(alice);
    expect(scheduler.pendingDelays()).toEqual([480_000]);
    scheduler.advance(479_999);
    await flush();
    expect(grantsA.calls.refresh).toBe(0);
    scheduler.advance(1);
    await flush();
    expect(grantsA.calls.refresh).toBe(1);
    expect(store.entries.get('a/employees/alice@example.com')).toBe('rt-2');
  });

  it('tries again later when a proactive refresh fails for a passing reason', async () => {
    grantsA.lifetimeMs = 100_000;
    const sessions = manager();
    await sessions.signIn(alice);
    grantsA.failNextRefreshWith = 'network';
    scheduler.advance(80_000);
    await flush();
    expect(scheduler.pendingDelays()).toEqual([30_000]);
    expect(sessions.active()).not.toBeNull();
  });

  it('keeps several accounts across profiles, one active, and switches between them', async () => {
    const sessions = manager();
    await sessions.signIn(alice);
    await sessions.signIn({ ...alice, profileId: 'b', username: 'bob@example.com' });
    expect(
      sessions
        .accounts()
        .map((account) => account.accountId)
        .sort(),
    ).toEqual(['a/employees/alice@example.com', 'b/employees/bob@example.com']);
    expect(sessions.active()?.accountId).toBe('b/employees/bob@example.com');
    expect(sessions.switchTo('a/employees/alice@example.com').ok).toBe(true);
    expect(sessions.active()?.username).toBe('alice@example.com');
  });

  it('signs out of every account, live and stored, revoking each', async () => {
    store.entries.set('b/employees/carol@example.com', 'stored-rt');
    const sessions = manager();
    await sessions.signIn(alice);
    const result = await sessions.signOutAll();
    expect(result.ok && result.value.signedOut).toBe(2);
    expect(store.entries.size).toBe(0);
    expect(grantsA.revoked).toEqual(['rt-1']);
    expect(grantsB.revoked).toEqual(['stored-rt']);
    expect(sessions.accounts()).toEqual([]);
  });

  it('locks by dropping access tokens but keeps refresh tokens, and unlocks silently', async () => {
    const sessions = manager();
    await sessions.signIn(alice);
    sessions.lock();
    expect(sessions.active()).toMatchObject({ locked: true, idTokenClaims: null, accessTokenClaims: null });
    expect(store.entries.get('a/employees/alice@example.com')).toBe('rt-1');
    const locked = await sessions.accessToken();
    expect(grantsA.calls.refresh).toBe(1); // asking for a token while locked renews it
    expect(locked.ok).toBe(true);
    sessions.lock();
    await sessions.unlock();
    expect(sessions.active()?.locked).toBe(false);
  });

  it('never writes to the keychain when the policy forbids keeping sessions', async () => {
    const sessions = manager({ persistSessions: false, keychainUnavailable: 'memory-only' });
    const result = await sessions.signIn(alice);
    expect(result.ok && result.value.storage).toBe('memory');
    expect(store.writes).toEqual([]);
    store.entries.set('a/employees/old@example.com', 'x');
    expect((await manager({ persistSessions: false, keychainUnavailable: 'memory-only' }).restore()).ok).toBe(true);
    expect(grantsA.calls.refresh).toBe(0);
  });

  it('refuses to sign in before sending the password when the policy requires a keychain that is down', async () => {
    store.available = false;
    const result = await manager({ persistSessions: true, keychainUnavailable: 'refuse' }).signIn(alice);
    expect(!result.ok && result.error.code).toBe('keychain_unavailable');
    expect(grantsA.calls.password).toBe(0);
  });

  it('refuses a realm the policy does not allow', async () => {
    const result = await manager({
      persistSessions: true,
      keychainUnavailable: 'memory-only',
      allowedRealms: ['employees'],
    }).signIn({
      ...alice,
      realm: 'contractors',
    });
    expect(!result.ok && result.error.code).toBe('invalid_realm');
    expect(grantsA.calls.password).toBe(0);
  });

  it('on a 401 from an API, refreshes once and retries once', async () => {
    const sessions = manager();
    await sessions.signIn(alice);
    const seen: string[] = [];
    const result = await sessions.withAccessToken(undefined, async (token) => {
      seen.push(token);
      return { status: 401 };
    });
    expect(seen).toEqual(['at-1', 'at-2']);
    expect(grantsA.calls.refresh).toBe(1);
    expect(result.ok && result.value.status).toBe(401);
  });

  it('hands main the current ID token, and none while locked', async () => {
    const sessions = manager();
    await sessions.signIn(alice);
    expect(sessions.idToken()).toBe('id-1');
    sessions.lock();
    expect(sessions.idToken()).toBeNull();
  });

  it('tells the user when the server’s clock disagrees with this computer’s', async () => {
    grantsA.clockSkew = {
      code: 'clock_skew',
      message: 'This computer’s clock is 10 minutes behind the server’s.',
      nextStep: 'Fix the clock.',
    };
    const sessions = manager();
    const notices: string[] = [];
    sessions.onChanged((change) => change.notice && notices.push(change.notice));
    await sessions.signIn(alice);
    expect(notices).toEqual(['This computer’s clock is 10 minutes behind the server’s. Fix the clock.']);
  });

  it('revokes the old refresh token when the same account signs in again', async () => {
    const sessions = manager();
    await sessions.signIn(alice);
    await sessions.signIn(alice);
    expect(grantsA.revoked).toEqual(['rt-1']);
    expect(store.entries.get('a/employees/alice@example.com')).toBe('rt-2');
  });
});
