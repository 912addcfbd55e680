import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionChanged } from '../../../../common/ipc/session.schema';
import { reuseNotice } from '../../../../main/session/session-renewal';
import { SessionManager } from '../../../../main/session/session-manager';
import { fixedProfiles } from '../../../../main/session/session-profiles';
import { Profile } from '../../../../main/settings/profile';
import { demoProfile } from '../../../support/desktop-profile';
import { FakeTokenGrants } from '../../../support/fake-token-grants';
import { ManualScheduler } from '../../../support/manual-scheduler';
import { MemorySecretStore } from '../../../support/memory-secret-store';

// The demo profile under a fixed id, asking for a scope without offline_access (the checkbox adds it).
const profile = Profile.parse({ ...demoProfile('http://127.0.0.1:4000/'), id: 'demo', scope: 'openid profile' });
const alice = { profileId: 'demo', realm: 'employees', username: 'alice@example.com', password: 'right' };
const aliceAccount = 'demo/employees/alice@example.com';

describe('refresh-token health and "keep me signed in"', () => {
  let grants: FakeTokenGrants;
  let store: MemorySecretStore;
  let scheduler: ManualScheduler;
  let changes: SessionChanged[];

  function manager(persistSessions = true): SessionManager {
    const sessions = new SessionManager({
      profiles: fixedProfiles([{ profile, grants }]),
      secretStore: store,
      clock: () => scheduler.now,
      scheduler,
      policy: { persistSessions, keychainUnavailable: 'memory-only' },
    });
    sessions.onChanged((change) => changes.push(change));
    return sessions;
  }

  beforeEach(() => {
    scheduler = new ManualScheduler();
    scheduler.now = 1_000_000;
    grants = new FakeTokenGrants();
    grants.now = () => scheduler.now;
    grants.lifetimeMs = 600_000;
    store = new MemorySecretStore();
    changes = [];
  });

  it('asks for offline_access and keeps the token in the keychain by default', async () => {
    const result = await manager().signIn(alice);
    expect(grants.lastPasswordInput?.scope).toBe('openid profile offline_access');
    expect(store.entries.get(aliceAccount)).toBe('rt-1');
    expect(result.ok && result.value.health).toMatchObject({
      startedAt: 1_000_000,
      startedBy: 'sign-in',
      rotates: null,
      lastRefresh: null,
      // 80% of a ten-minute token
      nextRefreshAt: 1_000_000 + 480_000,
      memoryReason: null,
    });
  });

  it('with "keep me signed in" off: no offline_access, nothing in the keychain, and the reason is the user', async () => {
    store.entries.set(aliceAccount, 'old-rt');
    const result = await manager().signIn({ ...alice, keepSignedIn: false });
    expect(grants.lastPasswordInput?.scope).toBe('openid profile');
    expect(store.entries.has(aliceAccount)).toBe(false);
    expect(result.ok && result.value.storage).toBe('memory');
    expect(result.ok && result.value.health.memoryReason).toBe('user-choice');
    // The user chose it: no notice about a missing keychain.
    expect(changes[0]?.notice).toBeUndefined();
  });

  it('under a policy forbidding saved sessions, says so (not "the keychain is not available")', async () => {
    const result = await manager(false).signIn(alice);
    expect(store.entries.size).toBe(0);
    expect(result.ok && result.value.health.memoryReason).toBe('policy');
    expect(changes[0]?.notice).toBe('Your organisation does not allow Gatehouse to remember sign-ins.');
  });

  it('says "no keychain" only when the keychain really failed', async () => {
    store.available = false;
    const result = await manager().signIn(alice);
    expect(result.ok && result.value.health.memoryReason).toBe('no-keychain');
  });

  it('records a rotation on refresh, and keeps a user-chosen memory token out of the keychain', async () => {
    const sessions = manager();
    await sessions.signIn({ ...alice, keepSignedIn: false });
    grants.accept('rt-1');
    scheduler.advance(480_000);
    await new Promise((resolve) => setImmediate(resolve));
    const health = sessions.active()?.health;
    expect(health).toMatchObject({ rotates: true, lastRotatedAt: 1_480_000, lastRefresh: { at: 1_480_000, ok: true } });
    expect(store.entries.size).toBe(0);
    expect(changes.at(-1)?.reason).toBe('refreshed');
  });

  it('records that a server does not rotate', async () => {
    grants.rotate = false;
    const sessions = manager();
    await sessions.signIn(alice);
    expect((await sessions.refresh(aliceAccount)).ok).toBe(true);
    expect(sessions.active()?.health).toMatchObject({ rotates: false, lastRotatedAt: null });
  });

  it("keeps a failed refresh's words and tells the window, while the session lives on", async () => {
    const sessions = manager();
    await sessions.signIn(alice);
    grants.failNextRefreshWith = 'network';
    expect((await sessions.refresh(aliceAccount)).ok).toBe(false);
    expect(sessions.active()?.health.lastRefresh).toEqual({
      at: 1_000_000,
      ok: false,
      message: 'Could not reach the server.',
    });
    expect(changes.at(-1)?.reason).toBe('refresh_failed');
  });

  it('says plainly that reuse detection ended a session whose fresh, unused rotated token was refused', async () => {
    const sessions = manager();
    await sessions.signIn(alice);
    await sessions.refresh(aliceAccount); // rt-1 → rt-2: the server rotates
    await grants.revoke('rt-2'); // the family is revoked because someone presented rt-1 again
    expect((await sessions.refresh(aliceAccount)).ok).toBe(false);
    expect(changes.at(-1)).toMatchObject({ reason: 'expired', session: null, notice: reuseNotice });
    expect(store.entries.has(aliceAccount)).toBe(false);
  });

  it('does not blame reuse when the refused token had been sent before (an ordinary expiry)', async () => {
    grants.rotate = false;
    const sessions = manager();
    await sessions.signIn(alice);
    await sessions.refresh(aliceAccount);
    await grants.revoke('rt-1');
    await sessions.refresh(aliceAccount);
    expect(changes.at(-1)?.notice).toBe('Your saved sign-in is no longer valid. Sign in again.');
  });
});
