import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionChanged } from '../../../../common/ipc/session.schema';
import { SessionManager } from '../../../../main/session/session-manager';
import { fixedProfiles } from '../../../../main/session/session-profiles';
import { Profile } from '../../../../main/settings/profile';
import { FakeTokenGrants } from '../../../support/fake-token-grants';
import { MemorySecretStore } from '../../../support/memory-secret-store';

const profile = Profile.parse({
  id: 'demo',
  name: 'Demo',
  kind: 'auth0',
  issuer: 'http://127.0.0.1:4000/',
  clientId: 'gatehouse-desktop',
  realms: ['employees'],
  defaultRealm: 'employees',
});
const alice = { profileId: 'demo', realm: 'employees', username: 'alice@example.com', password: 'right' };
const aliceAccount = 'demo/employees/alice@example.com';

describe('SessionManager', () => {
  let grants: FakeTokenGrants;
  let store: MemorySecretStore;
  let sessions: SessionManager;
  let changes: SessionChanged[];

  beforeEach(() => {
    grants = new FakeTokenGrants();
    store = new MemorySecretStore();
    sessions = new SessionManager({ profiles: fixedProfiles([{ profile, grants }]), secretStore: store });
    changes = [];
    sessions.onChanged((change) => changes.push(change));
  });

  it('keeps the refresh token in the keychain under <profileId>/<realm>/<username>', async () => {
    const result = await sessions.signIn(alice);
    expect(result.ok && result.value.storage).toBe('keychain');
    expect(store.entries.get(aliceAccount)).toBe('rt-1');
    expect(changes.map((change) => change.reason)).toEqual(['signed_in']);
  });

  it('never puts a token in the summary the window receives', async () => {
    const result = await sessions.signIn(alice);
    const json = JSON.stringify(result);
    expect(json).not.toContain('rt-1');
    expect(json).not.toContain('at-1');
  });

  it('returns the server error and stores nothing for a wrong password', async () => {
    const result = await sessions.signIn({ ...alice, password: 'wrong' });
    expect(!result.ok && result.error.code).toBe('invalid_credentials');
    expect(store.entries.size).toBe(0);
    expect(sessions.active()).toBeNull();
  });

  it('refuses an everyday sign-in for the Management API audience, before any request', async () => {
    for (const audience of ['http://127.0.0.1:4000/api/v2/', 'http://127.0.0.1:4000/api/v2']) {
      const result = await sessions.signIn({ ...alice, audience });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: /Management API/ } });
    }
    expect(grants.calls.password).toBe(0);
    expect(store.entries.size).toBe(0);
    // Another API of the same tenant is an everyday audience.
    expect((await sessions.signIn({ ...alice, audience: 'http://127.0.0.1:4000/api/v3/' })).ok).toBe(true);
  });

  it('carries on in memory, and says so, when the keychain is unavailable', async () => {
    store.available = false;
    const result = await sessions.signIn(alice);
    expect(result.ok && result.value.storage).toBe('memory');
    expect(changes[0]?.notice).toMatch(/keychain is not available/);
  });

  it('restores silently and writes the rotated token before forgetting the old one', async () => {
    store.entries.set(aliceAccount, 'stored-rt');
    grants.accept('stored-rt');
    const result = await sessions.restore();
    expect(result.ok && result.value?.username).toBe('alice@example.com');
    expect(store.writes).toEqual([{ account: aliceAccount, secret: 'rt-1' }]);
    expect(store.entries.get(aliceAccount)).toBe('rt-1');
  });

  it('keeps the stored token when the server does not rotate', async () => {
    grants.rotate = false;
    store.entries.set(aliceAccount, 'stored-rt');
    grants.accept('stored-rt');
    await sessions.restore();
    expect(store.writes).toEqual([]);
    expect(store.entries.get(aliceAccount)).toBe('stored-rt');
    expect(sessions.active()?.renewable).toBe(true);
  });

  it('deletes a refused stored token and explains why', async () => {
    store.entries.set(aliceAccount, 'revoked-rt');
    const result = await sessions.restore();
    expect(result.ok && result.value).toBeNull();
    expect(store.entries.has(aliceAccount)).toBe(false);
    expect(changes.at(-1)).toMatchObject({ reason: 'expired', notice: expect.stringMatching(/expired/) });
  });

  it('restores only accounts of its own profile', async () => {
    store.entries.set('other/employees/alice@example.com', 'x');
    const result = await sessions.restore();
    expect(result.ok && result.value).toBeNull();
    expect(grants.calls.refresh).toBe(0);
  });

  it('reports an unavailable keychain on restore', async () => {
    store.available = false;
    const result = await sessions.restore();
    expect(!result.ok && result.error.code).toBe('keychain_unavailable');
  });

  it('sends one refresh request for 20 concurrent callers', async () => {
    await sessions.signIn(alice);
    let release = (): void => undefined;
    grants.refreshGate = new Promise((resolve) => (release = resolve));
    const callers = Array.from({ length: 20 }, () => sessions.refresh(aliceAccount));
    release();
    const results = await Promise.all(callers);
    expect(grants.calls.refresh).toBe(1);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(store.entries.get(aliceAccount)).toBe('rt-2');
  });

  it('remembers when the access token before the last refresh was replaced, and forgets it at sign-out', async () => {
    await sessions.signIn(alice);
    expect(sessions.previousAccessToken()).toBeNull();
    await sessions.refresh(aliceAccount);
    // The fake issues opaque tokens: nothing to decode, but the replacement is recorded.
    expect(sessions.previousAccessToken()).toMatchObject({ claims: null, replacedAt: expect.any(Number) });
    await sessions.signOut();
    expect(sessions.previousAccessToken()).toBeNull();
  });

  it('signs out by revoking, then deleting the keychain entry', async () => {
    await sessions.signIn(alice);
    const result = await sessions.signOut();
    expect(result.ok && result.value.signedOut).toBe(true);
    expect(grants.revoked).toEqual(['rt-1']);
    expect(store.entries.has(aliceAccount)).toBe(false);
    expect(sessions.active()).toBeNull();
  });

  it('signs out a stored account that was never restored', async () => {
    store.entries.set(aliceAccount, 'stored-rt');
    const result = await sessions.signOut(aliceAccount);
    expect(result.ok && result.value.signedOut).toBe(true);
    expect(grants.revoked).toEqual(['stored-rt']);
    expect(store.entries.size).toBe(0);
  });

  it('refuses a sign-in for another profile', async () => {
    const result = await sessions.signIn({ ...alice, profileId: 'elsewhere' });
    expect(!result.ok && result.error.code).toBe('invalid_input');
    expect(grants.calls.password).toBe(0);
  });
});
