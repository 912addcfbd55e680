import { describe, expect, it } from 'vitest';
import { ManagedPolicy, noPolicy } from '../../../../main/settings/managed-policy';
import { SettingsService } from '../../../../main/settings/settings-service';
import { Profile } from '../../../../main/settings/profile';
import { testSettings } from '../../../support/test-settings';

const corp = Profile.parse({
  id: 'corp',
  name: 'Corp',
  kind: 'auth0',
  issuer: 'https://login.corp.example/',
  clientId: 'corp',
  realms: ['employees'],
});
const lockedPolicy = ManagedPolicy.parse({
  version: 1,
  profiles: [{ id: 'corp', issuer: 'https://login.corp.example/', locked: ['issuer'] }],
});

describe('SettingsService', () => {
  it('saves a valid profile and makes the first one active', () => {
    const settings = testSettings([]);
    const saved = settings.saveProfile({ ...corp, id: 'new' });
    expect(saved.ok).toBe(true);
    expect(settings.activeProfile()?.id).toBe('new');
  });

  it('refuses an invalid profile with the field named', () => {
    const result = testSettings([]).saveProfile({ ...corp, issuer: 'ftp://x' });
    expect(!result.ok && result.error).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('issuer'),
    });
  });

  it('refuses a change to a locked field and keeps the pinned value', () => {
    const settings = testSettings([corp], lockedPolicy);
    const result = settings.saveProfile({ ...corp, issuer: 'https://attacker.example/' });
    expect(!result.ok && result.error).toMatchObject({
      code: 'policy_locked',
      message: expect.stringContaining('issuer'),
    });
    expect(settings.profile('corp')?.issuer).toBe('https://login.corp.example/');
  });

  it('can pin explicit endpoints and extra parameters, and then refuses changes to them', () => {
    const generic = Profile.parse({
      ...corp,
      kind: 'oauth2',
      endpoints: { token: 'https://login.corp.example/token' },
      extraParams: { resource: 'https://api.corp.example' },
    });
    const policy = ManagedPolicy.parse({
      version: 1,
      profiles: [
        {
          id: 'corp',
          endpoints: { token: 'https://login.corp.example/token' },
          extraParams: { resource: 'https://api.corp.example' },
          locked: ['endpoints', 'extraParams'],
        },
      ],
    });
    const settings = testSettings([generic], policy);
    const moved = settings.saveProfile({ ...generic, endpoints: { token: 'https://attacker.example/token' } });
    expect(!moved.ok && moved.error).toMatchObject({ code: 'policy_locked', message: /endpoints/ });
    const widened = settings.saveProfile({ ...generic, extraParams: { resource: 'https://attacker.example' } });
    expect(!widened.ok && widened.error).toMatchObject({ code: 'policy_locked', message: /extraParams/ });
    expect(settings.profile('corp')?.endpoints?.token).toBe('https://login.corp.example/token');
  });

  it('allows changes to fields the policy does not lock', () => {
    const settings = testSettings([corp], lockedPolicy);
    expect(settings.saveProfile({ ...corp, name: 'Renamed' }).ok).toBe(true);
    expect(settings.profile('corp')?.name).toBe('Renamed');
  });

  it('will not remove a managed profile', () => {
    const result = testSettings([corp], lockedPolicy).removeProfile('corp');
    expect(!result.ok && result.error.code).toBe('policy_locked');
  });

  it('refuses new free-form profiles when the policy restricts them', () => {
    const restricted = ManagedPolicy.parse({ ...lockedPolicy, restrictToManagedProfiles: true });
    const result = testSettings([corp], restricted).saveProfile({ ...corp, id: 'elsewhere' });
    expect(!result.ok && result.error.code).toBe('policy_locked');
  });

  it('remembers the last realm per profile and user', () => {
    const settings = testSettings([corp]);
    settings.rememberRealm('corp', 'alice@example.com', 'contractors');
    expect(settings.lastRealm('corp', 'alice@example.com')).toBe('contractors');
    expect(settings.lastRealm('corp', 'bob@example.com')).toBeUndefined();
  });

  it('says when a profile to use does not exist', () => {
    const result = testSettings([corp]).useProfile('nope');
    expect(!result.ok && result.error.code).toBe('not_found');
  });
});

describe('SettingsService theme', () => {
  it('follows the system until a theme is chosen, then remembers the choice in the settings file', () => {
    const file = { store: { version: 2, profiles: [corp], activeProfileId: 'corp' } as Record<string, unknown> };
    const settings = new SettingsService(file, noPolicy);
    expect(settings.colorScheme()).toBe('auto');
    settings.setColorScheme('dark');
    expect(file.store['colorScheme']).toBe('dark');
    expect(new SettingsService(file, noPolicy).colorScheme()).toBe('dark');
  });
});
