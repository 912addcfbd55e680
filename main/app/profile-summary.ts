import type { ProfileChoice, ProfileSummary } from '../../common/ipc/profile.contract';
import type { Profile } from '../settings/profile';
import type { SettingsService } from '../settings/settings-service';

/**
 * The realm the organisation pins for a profile: a default realm it both sets and locks, or the only realm it
 * allows. The sign-in form preselects it over anything remembered or suggested.
 */
function pinnedRealm(profile: Profile, settings: SettingsService, realms: readonly string[]): string | null {
  const { policy } = settings;
  const pinned = policy.profiles.find((candidate) => candidate.id === profile.id);
  if (pinned?.locked.includes('defaultRealm') && typeof pinned.defaultRealm === 'string') {
    return realms.includes(pinned.defaultRealm) ? pinned.defaultRealm : null;
  }
  const allowed = policy.allowedRealms;
  return allowed?.length === 1 && realms.includes(allowed[0] ?? '') ? (allowed[0] ?? null) : null;
}

/** What the sign-in screen needs to know about a profile, under the policy. No secrets, no client credentials. */
export function profileSummary(profile: Profile, settings: SettingsService): ProfileSummary {
  const { policy } = settings;
  const allowed = policy.allowedRealms;
  const realms = allowed === undefined ? profile.realms : profile.realms.filter((realm) => allowed.includes(realm));
  // Suggestions and memories only ever name realms this form can send.
  const usable = (entries: Record<string, string>) =>
    Object.fromEntries(Object.entries(entries).filter(([, realm]) => realms.includes(realm)));
  return {
    profileId: profile.id,
    name: profile.name,
    kind: profile.kind,
    issuer: profile.issuer,
    clientId: profile.clientId,
    realms,
    defaultRealm:
      profile.defaultRealm !== null && realms.includes(profile.defaultRealm)
        ? profile.defaultRealm
        : (realms[0] ?? null),
    ...(profile.audience === undefined ? {} : { audience: profile.audience }),
    scope: profile.scope,
    extraParams: profile.extraParams,
    realmsByDomain: usable({ ...profile.realmsByDomain, ...policy.realmsByDomain }),
    pinnedRealm: pinnedRealm(profile, settings, realms),
    lastRealms: usable(settings.lastRealmsFor(profile.id)),
    keepSessionsAllowed: policy.persistSessions,
  };
}

/** The profiles the sign-in screen's picker offers. */
export function profileChoices(settings: SettingsService): ProfileChoice[] {
  return settings.effective().profiles.map((profile) => ({ profileId: profile.id, name: profile.name }));
}
