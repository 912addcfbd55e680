import { describe, expect, it } from 'vitest';
import { profileSummary } from '../../../../main/app/profile-summary';
import { ManagedPolicy } from '../../../../main/settings/managed-policy';
import { Profile } from '../../../../main/settings/profile';
import { demoProfile } from '../../../support/desktop-profile';
import { testSettings } from '../../../support/test-settings';

const profile = Profile.parse({
  ...demoProfile('http://127.0.0.1:4000/'),
  id: 'demo',
  realmsByDomain: { 'partner.example': 'contractors', 'corp.example': 'employees' },
});

describe('what the sign-in screen learns about a profile', () => {
  it('hands over the realms remembered per username for this profile only', () => {
    const settings = testSettings([profile]);
    settings.rememberRealm('demo', 'bob@example.com', 'contractors');
    settings.rememberRealm('other', 'bob@example.com', 'employees');
    expect(profileSummary(profile, settings).lastRealms).toEqual({ 'bob@example.com': 'contractors' });
  });

  it("lays the policy's domain mapping over the profile's, and drops realms the policy forbids", () => {
    const policy = ManagedPolicy.parse({
      version: 1,
      realmsByDomain: { 'corp.example': 'contractors' },
      allowedRealms: ['contractors'],
    });
    const summary = profileSummary(profile, testSettings([profile], policy));
    expect(summary.realmsByDomain).toEqual({ 'partner.example': 'contractors', 'corp.example': 'contractors' });
    // One allowed realm is a pin.
    expect(summary.pinnedRealm).toBe('contractors');
  });

  it('pins a default realm the policy sets and locks, and says when keeping sessions is forbidden', () => {
    const policy = ManagedPolicy.parse({
      version: 1,
      persistSessions: false,
      profiles: [{ id: 'demo', defaultRealm: 'contractors', locked: ['defaultRealm'] }],
    });
    const summary = profileSummary(profile, testSettings([profile], policy));
    expect(summary.pinnedRealm).toBe('contractors');
    expect(summary.keepSessionsAllowed).toBe(false);
  });

  it('pins nothing by default and allows keeping sessions', () => {
    const summary = profileSummary(profile, testSettings([profile]));
    expect(summary).toMatchObject({ pinnedRealm: null, keepSessionsAllowed: true, lastRealms: {} });
  });
});
