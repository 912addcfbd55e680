import type { AdminTab } from '../../common/ipc/profile.contract';
import type { Claims } from '../../common/ipc/session.schema';
import type { ManagedPolicy } from '../settings/managed-policy';
import type { Profile } from '../settings/profile';

/** The demo tenant's rule puts role names here (design/demo-tenant.md, "Rules"). */
export const defaultAdminClaim = 'https://gatehouse.test/roles';
export const defaultAdminClaimValues: readonly string[] = ['admin', 'support'];

/** True when the claim is one of the values, or a list holding one of them. */
function claimMatches(value: unknown, accepted: readonly string[]): boolean {
  if (typeof value === 'string') return accepted.includes(value);
  return Array.isArray(value) && value.some((item) => typeof item === 'string' && accepted.includes(item));
}

/**
 * Whether the Admin tab shows for an account: the policy must allow the pane, and the account must be able to
 * use it, which its ID token says (the claim the policy, else the profile, names) or an earlier step-up proved.
 * Main still refuses every admin call it should; this only spares people a tab they can never use.
 */
export function adminTabFor(input: {
  readonly policy: Pick<ManagedPolicy, 'showAdminPane' | 'adminClaim' | 'adminClaimValues'>;
  readonly profile: Pick<Profile, 'adminClaim' | 'adminClaimValues'> | undefined;
  readonly idTokenClaims: Claims | null;
  readonly hasSteppedUp: boolean;
}): AdminTab {
  const { policy, profile } = input;
  if (!policy.showAdminPane) return { shown: false, because: 'policy' };
  const claim = policy.adminClaim ?? profile?.adminClaim ?? defaultAdminClaim;
  const values = policy.adminClaimValues ?? profile?.adminClaimValues ?? defaultAdminClaimValues;
  if (claimMatches(input.idTokenClaims?.[claim], values)) return { shown: true, because: 'claim' };
  if (input.hasSteppedUp) return { shown: true, because: 'stepped-up' };
  return { shown: false, because: 'not-eligible' };
}
