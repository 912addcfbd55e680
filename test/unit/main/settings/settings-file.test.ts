import { describe, expect, it } from 'vitest';
import { migrateSettings } from '../../../../main/settings/settings-migrations';
import { readSettings, SettingsFileError, writeSettings } from '../../../../main/settings/settings-store';

const v1 = {
  version: 1,
  profile: {
    id: 'demo',
    name: 'Demo',
    kind: 'auth0',
    issuer: 'http://127.0.0.1:4000/',
    clientId: 'gatehouse-desktop',
    realms: ['employees'],
    defaultRealm: 'employees',
  },
  accountId: 'demo/employees/alice@example.com',
};

describe('settings file', () => {
  it('starts empty when nothing is stored', () => {
    expect(readSettings({ store: {} })).toMatchObject({ version: 2, profiles: [], activeProfileId: null });
  });

  it('migrates a version 1 document to the current version', () => {
    const settings = readSettings({ store: structuredClone(v1) });
    expect(settings.version).toBe(2);
    expect(settings.profiles.map((profile) => profile.id)).toEqual(['demo']);
    expect(settings.activeProfileId).toBe('demo');
    expect(settings.activeAccountId).toBe('demo/employees/alice@example.com');
    expect(settings.profiles[0]).toMatchObject({ clientAuth: 'none', realmMapping: { mode: 'none' }, extraParams: {} });
  });

  it('refuses a document from a newer Gatehouse rather than guessing', () => {
    expect(() => migrateSettings({ version: 99 })).toThrow(/newer Gatehouse/);
  });

  it.each([[[]], ['text'], [null]])('refuses %j as a settings document', (raw) => {
    expect(() => migrateSettings(raw)).toThrow(/settings object/);
  });

  it('reports an invalid document and leaves it untouched', () => {
    const file = {
      store: { version: 2, profiles: [{ id: 'bad id!' }], activeProfileId: null } as Record<string, unknown>,
    };
    const before = JSON.stringify(file.store);
    expect(() => readSettings(file)).toThrow(SettingsFileError);
    expect(JSON.stringify(file.store)).toBe(before);
  });

  it('writes only valid documents', () => {
    const file = { store: {} as Record<string, unknown> };
    expect(() =>
      writeSettings(file, {
        version: 2,
        profiles: [],
        activeProfileId: 7 as unknown as string,
        activeAccountId: null,
        lastRealms: {},
        colorScheme: 'auto',
        steppedUpAccounts: [],
      }),
    ).toThrow();
    expect(file.store).toEqual({});
  });
});
