import { describe, expect, it } from 'vitest';
import { adminTabFor } from '../../../../main/app/admin-tab';

const allow = { showAdminPane: true };
const roles = (names: string[]) => ({ 'https://gatehouse.test/roles': names });

describe('who sees the Admin tab', () => {
  it('hides it whatever the account holds when the policy hides the pane', () => {
    const tab = adminTabFor({
      policy: { showAdminPane: false },
      profile: undefined,
      idTokenClaims: roles(['admin']),
      hasSteppedUp: true,
    });
    expect(tab).toEqual({ shown: false, because: 'policy' });
  });

  it("shows it for the demo tenant's admin and support roles by default, not for everyday users", () => {
    const base = { policy: allow, profile: undefined, hasSteppedUp: false };
    expect(adminTabFor({ ...base, idTokenClaims: roles(['support']) }).shown).toBe(true);
    expect(adminTabFor({ ...base, idTokenClaims: roles(['admin']) }).because).toBe('claim');
    expect(adminTabFor({ ...base, idTokenClaims: roles([]) })).toEqual({ shown: false, because: 'not-eligible' });
    expect(adminTabFor({ ...base, idTokenClaims: null }).shown).toBe(false);
  });

  it('uses the claim the profile names, and the policy’s over the profile’s', () => {
    const claims = { groups: 'helpdesk', 'https://gatehouse.test/roles': ['admin'] };
    const profile = { adminClaim: 'groups', adminClaimValues: ['helpdesk'] };
    expect(adminTabFor({ policy: allow, profile, idTokenClaims: claims, hasSteppedUp: false }).shown).toBe(true);
    const policy = { showAdminPane: true, adminClaim: 'groups', adminClaimValues: ['it-admins'] };
    expect(adminTabFor({ policy, profile, idTokenClaims: claims, hasSteppedUp: false }).shown).toBe(false);
  });

  it('shows it for an account that stepped up before, even without the claim', () => {
    expect(adminTabFor({ policy: allow, profile: undefined, idTokenClaims: roles([]), hasSteppedUp: true })).toEqual({
      shown: true,
      because: 'stepped-up',
    });
  });
});
