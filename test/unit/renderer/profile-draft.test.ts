import { describe, expect, it } from 'vitest';
import { Profile } from '../../../common/settings/profile.schema';
import {
  draftFromProfile,
  emptyDraft,
  fieldErrors,
  idFromName,
  profileInputFromDraft,
  ProfileDraftSchema,
} from '../../../renderer/features/settings/profile-draft';

const keycloak = Profile.parse({
  id: 'corp',
  name: 'Corp SSO',
  kind: 'oauth2',
  issuer: 'https://sso.corp.example/realms/staff/',
  clientId: 'desktop',
  clientAuth: 'client_secret_basic',
  realms: ['staff', 'partners'],
  defaultRealm: 'partners',
  realmMapping: { mode: 'url-template' },
  endpoints: {
    token: 'https://sso.corp.example/realms/{realm}/protocol/openid-connect/token',
    revocation: 'https://sso.corp.example/realms/{realm}/protocol/openid-connect/revoke',
  },
  audience: 'https://api.corp.example/',
  extraParams: { prompt: 'none' },
  proxy: 'http://proxy.corp.example:3128',
  timeoutMs: 20_000,
});

describe('the profile form’s draft', () => {
  it('turns a profile into a draft and back without losing anything', () => {
    expect(Profile.parse(profileInputFromDraft(draftFromProfile(keycloak)))).toEqual(keycloak);
  });

  it('drops the generic-server fields for Auth0, whose paths are fixed', () => {
    const draft = { ...draftFromProfile(keycloak), kind: 'auth0' as const };
    const input = profileInputFromDraft(draft);
    expect(input).not.toHaveProperty('endpoints');
    expect(input).not.toHaveProperty('discoveryUrl');
    expect(input.realmMapping).toEqual({ mode: 'none' });
  });

  it('leaves blank optional fields out instead of sending empty strings the schema would refuse', () => {
    const draft = { ...emptyDraft(), id: 'acme', name: 'Acme', issuer: 'https://acme.auth0.com', clientId: 'abc' };
    const profile = Profile.parse(profileInputFromDraft(draft));
    expect(profile).not.toHaveProperty('audience');
    expect(profile).not.toHaveProperty('proxy');
    expect(profile.issuer).toBe('https://acme.auth0.com/');
    expect(profile.scope).toBe('openid profile email offline_access');
  });

  it('uses discovery unless endpoints are typed, and then keeps only the ones given', () => {
    const discovered = profileInputFromDraft({ ...draftFromProfile(keycloak), endpointsMode: 'discovery' });
    expect(discovered).not.toHaveProperty('endpoints');
    const typed = profileInputFromDraft({
      ...draftFromProfile(keycloak),
      endpoints: {
        token: 'https://x.example/{realm}/token',
        revocation: ' ',
        userinfo: '',
        jwks: '',
        introspection: '',
      },
    });
    expect(typed.endpoints).toEqual({ token: 'https://x.example/{realm}/token' });
  });

  it('puts the schema’s complaints on the fields the form shows', () => {
    const input = profileInputFromDraft({
      ...draftFromProfile(keycloak),
      issuer: 'ftp://nope',
      realmMapping: 'parameter',
      realmParameter: 'has space',
      timeoutSeconds: 0,
    });
    const result = Profile.safeParse(input);
    expect(result.success).toBe(false);
    const errors = fieldErrors(result.error?.issues ?? []);
    expect(Object.keys(errors).sort()).toEqual(['issuer', 'realmParameter', 'timeoutSeconds']);
  });

  it('is the form’s schema: a valid draft comes out as the input to send, complaints land on the shown fields', () => {
    const draft = draftFromProfile(keycloak);
    expect(ProfileDraftSchema.parse(draft)).toEqual(profileInputFromDraft(draft));
    const result = ProfileDraftSchema.safeParse({ ...draft, extraParams: { 'bad name': 'x' }, timeoutSeconds: 0 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['extraParams', 'timeoutSeconds']);
  });

  it('makes a profile id from a name', () => {
    expect(idFromName('Acme EU (prod)')).toBe('acme-eu-prod');
    expect(idFromName('Zürich Office')).toBe('zurich-office');
  });
});
