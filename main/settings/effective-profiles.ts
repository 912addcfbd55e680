import type { ManagedPolicy, PinnableProfileField, PinnedProfile } from './managed-policy';
import { Profile } from './profile';

export interface EffectiveProfiles {
  /** The profiles the app uses: the user's, with the organisation's pinned values on top. */
  readonly profiles: Profile[];
  /** Locked fields per profile id; the user cannot change these through the app. */
  readonly locked: Readonly<Record<string, readonly PinnableProfileField[]>>;
  /** Ids of profiles the organisation provides (they cannot be removed). */
  readonly managedIds: ReadonlySet<string>;
}

/** The values a pinned profile sets: everything but its lock list and unset fields. */
function pinnedValues(pinned: PinnedProfile): Record<string, unknown> {
  return Object.fromEntries(Object.entries(pinned).filter(([key, value]) => key !== 'locked' && value !== undefined));
}

/**
 * Lays the managed policy over the user's profiles: pinned fields win, managed profiles that the user does
 * not have yet are created from their pins, and with `restrictToManagedProfiles` only managed ones remain.
 * A pinned profile too incomplete to be valid is skipped rather than half-used.
 */
export function applyPolicy(userProfiles: readonly Profile[], policy: ManagedPolicy): EffectiveProfiles {
  const byId = new Map(userProfiles.map((profile) => [profile.id, profile]));
  const locked: Record<string, PinnableProfileField[]> = {};
  const managedIds = new Set<string>();
  for (const pinned of policy.profiles) {
    const merged = Profile.safeParse({ ...(byId.get(pinned.id) ?? {}), ...pinnedValues(pinned) });
    if (!merged.success) continue;
    byId.set(pinned.id, merged.data);
    locked[pinned.id] = [...pinned.locked];
    managedIds.add(pinned.id);
  }
  const profiles = [...byId.values()].filter(
    (profile) => !policy.restrictToManagedProfiles || managedIds.has(profile.id),
  );
  return { profiles, locked, managedIds };
}

/** The fields a proposed profile changes that the policy locks. Empty means the change is allowed. */
export function lockedChanges(
  current: Profile | undefined,
  proposed: Profile,
  locked: readonly PinnableProfileField[],
): PinnableProfileField[] {
  if (current === undefined) return [];
  return locked.filter((field) => JSON.stringify(current[field]) !== JSON.stringify(proposed[field]));
}
