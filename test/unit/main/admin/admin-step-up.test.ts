import { describe, expect, it } from 'vitest';
import { AdminStepUp, maxStepUpMs } from '../../../../main/admin/admin-step-up';
import type { ProfileConnection, SessionProfiles } from '../../../../main/session/session-profiles';
import { Profile } from '../../../../main/settings/profile';
import { FakeTokenGrants } from '../../../support/fake-token-grants';

// The step-up store's own rules, over a hand-written token endpoint. The reference-server journeys
// (real grants, RBAC scopes, MFA, expiry at the server) are in test/integration/desktop/admin/.
const tenant = (id: string, issuer = 'https://tenant.example/', kind: 'auth0' | 'oauth2' = 'auth0') =>
  Profile.parse({ id, name: id, kind, issuer, clientId: 'desktop', realms: ['employees'] });

function harness() {
  let now = 1_000_000;
  let active: string | null = null;
  const grants = new FakeTokenGrants();
  grants.now = () => now;
  grants.lifetimeMs = 60_000;
  const connections = new Map<string, ProfileConnection>([
    ['a', { profile: tenant('a'), grants }],
    ['b', { profile: tenant('b'), grants }],
    ['kc', { profile: tenant('kc', 'https://kc.example/', 'oauth2'), grants }],
  ]);
  const profiles: SessionProfiles = { get: (id) => connections.get(id), ids: () => [...connections.keys()] };
  const stepUp = new AdminStepUp({
    profiles,
    activeAccountId: () => active,
    allowedRealms: ['employees'],
    clock: () => now,
  });
  const up = async (profileId: string, username: string) => {
    const outcome = await stepUp.stepUp({ profileId, realm: 'employees', username }, 'right');
    if (!outcome.ok || outcome.value.status !== 'stepped_up') throw new Error(JSON.stringify(outcome));
    return outcome.value.access;
  };
  return {
    stepUp,
    grants,
    connections,
    up,
    tick: (ms: number) => (now += ms),
    activate: (accountId: string | null) => (active = accountId),
  };
}

const requiredError = { ok: false, error: { code: 'admin_step_up_required' } };

describe('the admin step-up store', () => {
  it('keeps only the access token: an unrequested refresh token is revoked, and no identity scopes are shown', async () => {
    const { up, grants } = harness();
    const access = await up('a', 'admin@example.com');
    expect(access).toMatchObject({ via: 'session', accountId: 'a/employees/admin@example.com', scopes: [] });
    expect(grants.revoked).toEqual(['rt-1']);
    expect(JSON.stringify(access)).not.toMatch(/at-1|rt-1|id-1/);
  });

  it('without an account, uses the active account’s step-up, else the latest one', async () => {
    const { stepUp, up, tick, activate } = harness();
    await up('a', 'first@example.com');
    tick(1000);
    await up('a', 'second@example.com');
    expect(stepUp.access()).toMatchObject({ ok: true, value: { accountId: 'a/employees/second@example.com' } });
    activate('a/employees/first@example.com');
    expect(stepUp.access()).toMatchObject({ ok: true, value: { accountId: 'a/employees/first@example.com' } });
    // The active account has no step-up of its own: the error names it, so the pane can ask its password.
    stepUp.stepDown();
    expect(stepUp.access()).toMatchObject({
      ok: false,
      error: { code: 'admin_step_up_required', message: expect.stringContaining('first@example.com') },
    });
  });

  it('ends with its access token and is forgotten, with no refresh attempted', async () => {
    const { stepUp, up, tick, grants } = harness();
    await up('a', 'admin@example.com');
    tick(60_000);
    expect(stepUp.access('a/employees/admin@example.com')).toMatchObject({
      ok: false,
      error: { code: 'admin_step_up_required', message: expect.stringMatching(/expired/) },
    });
    tick(-30_000); // even if the clock goes back, the expired step-up is gone
    expect(stepUp.access('a/employees/admin@example.com')).toMatchObject(requiredError);
    expect(grants.calls.refresh).toBe(0);
  });

  it('lasts at most a quarter of an hour, even when the server grants a day', async () => {
    const { stepUp, up, tick, grants } = harness();
    grants.lifetimeMs = 24 * 3600_000;
    const access = await up('a', 'admin@example.com');
    expect(access.expiresAt).toBe(1_000_000 + maxStepUpMs);
    tick(maxStepUpMs - 1);
    expect(stepUp.access('a/employees/admin@example.com')).toMatchObject({ ok: true });
    tick(1);
    expect(stepUp.access('a/employees/admin@example.com')).toMatchObject(requiredError);
  });

  it('ends on a 401 from the Management API without retrying', async () => {
    const { stepUp, up } = harness();
    await up('a', 'admin@example.com');
    const tokensSent: string[] = [];
    const call = async (token: string) => {
      tokensSent.push(token);
      return { status: 401 };
    };
    const credentials = stepUp.credentials('a/employees/admin@example.com');
    expect(await credentials.withToken(call)).toMatchObject({
      ok: false,
      error: { code: 'admin_step_up_required', detail: { status: 401 } },
    });
    expect(await credentials.withToken(call)).toMatchObject(requiredError);
    expect(tokensSent).toEqual(['at-1']);
  });

  it('ends with the account, the profile, or everything, as the session manager reports', async () => {
    const { stepUp, up } = harness();
    await up('a', 'one@example.com');
    await up('a', 'two@example.com');
    await up('b', 'three@example.com');
    expect(stepUp.end({ kind: 'account', accountId: 'a/employees/one@example.com' })).toBe(1);
    expect(stepUp.access('a/employees/one@example.com')).toMatchObject(requiredError);
    expect(stepUp.access('a/employees/two@example.com').ok).toBe(true);
    expect(stepUp.end({ kind: 'profile', profileId: 'a' })).toBe(1);
    expect(stepUp.access('b/employees/three@example.com').ok).toBe(true);
    expect(stepUp.end({ kind: 'all' })).toBe(1);
    expect(stepUp.access()).toMatchObject(requiredError);
  });

  it('never sends a token to a profile whose issuer changed after the step-up', async () => {
    const { stepUp, up, connections, grants } = harness();
    await up('a', 'admin@example.com');
    connections.set('a', { profile: tenant('a', 'https://elsewhere.example/'), grants });
    const sent: string[] = [];
    const answer = await stepUp
      .credentials('a/employees/admin@example.com')
      .withToken(async (token) => (sent.push(token), { status: 200 }));
    expect(answer).toMatchObject(requiredError);
    expect(sent).toEqual([]);
  });

  it('refuses a generic OAuth 2.0 profile and a realm the policy does not allow, before any request', async () => {
    const { stepUp, grants } = harness();
    expect(await stepUp.stepUp({ profileId: 'kc', realm: 'employees', username: 'x' }, 'right')).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await stepUp.stepUp({ profileId: 'a', realm: 'contractors', username: 'x' }, 'right')).toMatchObject({
      ok: false,
      error: { code: 'invalid_realm' },
    });
    expect(await stepUp.stepUp({ profileId: 'nope', realm: null, username: 'x' }, 'right')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(grants.calls.password).toBe(0);
  });

  it('passes a wrong password’s error through and keeps nothing', async () => {
    const { stepUp } = harness();
    expect(await stepUp.stepUp({ profileId: 'a', realm: 'employees', username: 'x' }, 'wrong')).toMatchObject({
      ok: false,
      error: { code: 'invalid_credentials' },
    });
    expect(stepUp.access()).toMatchObject(requiredError);
  });
});
