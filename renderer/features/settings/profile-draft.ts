import { z } from 'zod';
import { Profile, type ClientAuthMethod, type ProfileInput } from '../../../common/settings/profile.schema';

/** The profile form's state: every field as the user types it, before the contract's schema judges it. */
export interface ProfileDraft {
  id: string;
  name: string;
  kind: 'auth0' | 'oauth2';
  issuer: string;
  clientId: string;
  realms: string[];
  defaultRealm: string | null;
  audience: string;
  scope: string;
  /** oauth2: find endpoints by discovery, or take them as typed. */
  endpointsMode: 'discovery' | 'explicit';
  discoveryUrl: string;
  endpoints: { token: string; revocation: string; userinfo: string; jwks: string; introspection: string };
  realmMapping: 'none' | 'parameter' | 'url-template';
  realmParameter: string;
  clientAuth: ClientAuthMethod;
  /** Typed only to be sent to the keychain; empty keeps the stored one. */
  clientSecret: string;
  proxy: string;
  caBundlePath: string;
  timeoutSeconds: number;
  apiBaseUrl: string;
  /** Extra token-request parameters, edited as name=value lines (the CLI's --extra-param). */
  extraParams: Record<string, string>;
  extraHeaders: Record<string, string>;
}

/** Beside every field the managed policy locks: why it cannot be edited. */
export const managedNote = 'Managed by your organisation: its policy sets this field, so it cannot be changed here';

export const defaultScope = 'openid profile email offline_access';

export function emptyDraft(): ProfileDraft {
  return {
    id: '',
    name: '',
    kind: 'auth0',
    issuer: '',
    clientId: '',
    realms: [],
    defaultRealm: null,
    audience: '',
    scope: defaultScope,
    endpointsMode: 'discovery',
    discoveryUrl: '',
    endpoints: { token: '', revocation: '', userinfo: '', jwks: '', introspection: '' },
    realmMapping: 'none',
    realmParameter: 'realm',
    clientAuth: 'none',
    clientSecret: '',
    proxy: '',
    caBundlePath: '',
    timeoutSeconds: 15,
    apiBaseUrl: '',
    extraParams: {},
    extraHeaders: {},
  };
}

export function draftFromProfile(profile: Profile): ProfileDraft {
  const endpoints = profile.endpoints;
  return {
    ...emptyDraft(),
    id: profile.id,
    name: profile.name,
    kind: profile.kind,
    issuer: profile.issuer,
    clientId: profile.clientId,
    realms: [...profile.realms],
    defaultRealm: profile.defaultRealm,
    audience: profile.audience ?? '',
    scope: profile.scope,
    endpointsMode: endpoints ? 'explicit' : 'discovery',
    discoveryUrl: profile.discoveryUrl ?? '',
    endpoints: {
      token: endpoints?.token ?? '',
      revocation: endpoints?.revocation ?? '',
      userinfo: endpoints?.userinfo ?? '',
      jwks: endpoints?.jwks ?? '',
      introspection: endpoints?.introspection ?? '',
    },
    realmMapping: profile.realmMapping.mode,
    realmParameter: profile.realmMapping.mode === 'parameter' ? profile.realmMapping.name : 'realm',
    clientAuth: profile.clientAuth,
    proxy: profile.proxy ?? '',
    caBundlePath: profile.caBundlePath ?? '',
    timeoutSeconds: Math.round(profile.timeoutMs / 1000),
    apiBaseUrl: profile.apiBaseUrl ?? '',
    extraParams: { ...profile.extraParams },
    extraHeaders: { ...profile.extraHeaders },
  };
}

/** An optional text field: blank means "not set", so the key is left out rather than sent empty. */
const optionalText = <K extends string>(key: K, value: string): Partial<Record<K, string>> =>
  value.trim() === '' ? {} : ({ [key]: value.trim() } as Record<K, string>);

/**
 * The draft as the contract's profile input. Fields that only make sense for a generic OAuth 2.0 server
 * (discovery URL, explicit endpoints, realm mapping) are dropped for Auth0, whose paths are fixed.
 */
export function profileInputFromDraft(draft: ProfileDraft): ProfileInput {
  const generic = draft.kind === 'oauth2';
  const explicit = generic && draft.endpointsMode === 'explicit';
  const { endpoints } = draft;
  return {
    id: draft.id.trim(),
    name: draft.name.trim(),
    kind: draft.kind,
    issuer: draft.issuer.trim(),
    clientId: draft.clientId.trim(),
    clientAuth: draft.clientAuth,
    realms: draft.realms,
    defaultRealm: draft.realms.length === 0 ? null : (draft.defaultRealm ?? draft.realms[0] ?? null),
    realmMapping: !generic
      ? { mode: 'none' }
      : draft.realmMapping === 'parameter'
        ? { mode: 'parameter', name: draft.realmParameter.trim() }
        : { mode: draft.realmMapping },
    scope: draft.scope.trim() === '' ? defaultScope : draft.scope.trim(),
    timeoutMs: Math.round(draft.timeoutSeconds * 1000),
    extraParams: draft.extraParams,
    extraHeaders: draft.extraHeaders,
    ...optionalText('audience', draft.audience),
    ...(generic && !explicit ? optionalText('discoveryUrl', draft.discoveryUrl) : {}),
    ...(explicit
      ? {
          endpoints: {
            token: endpoints.token.trim(),
            ...optionalText('revocation', endpoints.revocation),
            ...optionalText('userinfo', endpoints.userinfo),
            ...optionalText('jwks', endpoints.jwks),
            ...optionalText('introspection', endpoints.introspection),
          },
        }
      : {}),
    ...optionalText('proxy', draft.proxy),
    ...optionalText('caBundlePath', draft.caBundlePath),
    ...optionalText('apiBaseUrl', draft.apiBaseUrl),
  };
}

/** A profile id from its name, for new profiles: `Acme EU` becomes `acme-eu`. */
export function idFromName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents go, letters stay: Zürich becomes zurich
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/**
 * The form field a schema complaint belongs on: the draft's own path (`issuer`, `endpoints.token`), except where
 * the draft edits a value differently (seconds, the realm parameter, name=value lines, the realm tags).
 */
export function draftFieldOf(path: readonly PropertyKey[]): string {
  const [head] = path.map(String);
  if (head === 'timeoutMs') return 'timeoutSeconds';
  if (head === 'realmMapping') return 'realmParameter';
  if (head === 'extraParams' || head === 'extraHeaders' || head === 'realms') return head;
  return path.map(String).join('.');
}

/** Field errors keyed by the form field they belong on, from the schema's issues (the first per field). */
export function fieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[draftFieldOf(issue.path)] ??= issue.message;
  return errors;
}

/**
 * The form's schema: a draft is judged by the contract's own Profile schema after the one mapping above, so
 * the window and main never disagree; complaints land on the fields the form shows. Its output is the input
 * to send.
 */
export const ProfileDraftSchema = z.custom<ProfileDraft>().transform((draft, context): ProfileInput => {
  const input = profileInputFromDraft(draft);
  const checked = Profile.safeParse(input);
  if (!checked.success) {
    for (const [field, message] of Object.entries(fieldErrors(checked.error.issues))) {
      context.addIssue({ code: 'custom', path: field.split('.'), message });
    }
    return z.NEVER;
  }
  return input;
});

/** `name=value` lines; a line without `=` becomes a name with an empty value, so the schema can judge it. */
export function parseExtraParams(text: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const at = trimmed.indexOf('=');
    params[(at === -1 ? trimmed : trimmed.slice(0, at)).trim()] = at === -1 ? '' : trimmed.slice(at + 1).trim();
  }
  return params;
}

export function extraParamsToText(params: Readonly<Record<string, string>>): string {
  return Object.entries(params)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
}
