import type { SignInRequest } from '../../../common/ipc/auth.contract';
import type { ProfileSummary } from '../../../common/ipc/profile.contract';

/** What the login form holds. The password lives only here, in react-hook-form's state, until it is sent. */
export interface SignInFormValues {
  realm: string | null;
  username: string;
  password: string;
  keepSignedIn: boolean;
  /** Advanced, for this sign-in only; prefilled from the profile. */
  audience: string;
  scope: string;
  /** One `name=value` per line. */
  extraParams: string;
}

/** `name=value` lines as a record, or the first line that is not one. */
export function parseExtraParams(
  text: string,
): { ok: true; value: Record<string, string> } | { ok: false; line: string } {
  const value: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const at = line.indexOf('=');
    if (at <= 0) return { ok: false, line };
    value[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { ok: true, value };
}

export function formatExtraParams(params: Readonly<Record<string, string>>): string {
  return Object.entries(params)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
}

/** The form's first values: the profile's advanced settings, and "keep me signed in" on when allowed. */
export function initialValues(profile: ProfileSummary): SignInFormValues {
  return {
    realm: profile.pinnedRealm ?? profile.defaultRealm ?? profile.realms[0] ?? null,
    username: '',
    password: '',
    keepSignedIn: profile.keepSessionsAllowed,
    audience: profile.audience ?? '',
    scope: profile.scope,
    extraParams: formatExtraParams(profile.extraParams),
  };
}

/** What the form sends: the advanced fields only when they differ from the profile, so main's rules apply. */
export function toSignInRequest(profile: ProfileSummary, values: SignInFormValues): SignInRequest {
  const extra = parseExtraParams(values.extraParams);
  const audience = values.audience.trim();
  const scope = values.scope.trim();
  return {
    profileId: profile.profileId,
    realm: values.realm,
    username: values.username,
    password: values.password,
    keepSignedIn: profile.keepSessionsAllowed && values.keepSignedIn,
    ...(audience !== (profile.audience ?? '') ? { audience } : {}),
    ...(scope !== profile.scope && scope !== '' ? { scope } : {}),
    ...(extra.ok && Object.keys(extra.value).length > 0 ? { extraParams: extra.value } : {}),
  };
}

export type RealmSource = 'pinned' | 'remembered' | 'domain';

/**
 * The realm to preselect for a username: the organisation's pin wins, then the realm this username last
 * used on this profile, then the mapping for its e-mail domain. Undefined: leave the user's choice alone.
 */
export function suggestRealm(
  profile: ProfileSummary,
  username: string,
): { realm: string; source: RealmSource; domain?: string } | undefined {
  if (profile.pinnedRealm !== null) return { realm: profile.pinnedRealm, source: 'pinned' };
  const name = username.trim();
  const remembered = profile.lastRealms[name];
  if (remembered !== undefined) return { realm: remembered, source: 'remembered' };
  const domain = name.includes('@') ? name.slice(name.lastIndexOf('@') + 1).toLowerCase() : '';
  const byDomain = domain === '' ? undefined : profile.realmsByDomain[domain];
  return byDomain === undefined ? undefined : { realm: byDomain, source: 'domain', domain };
}
