import { settingsVersion } from './settings-schema';

type Json = Record<string, unknown>;

/**
 * Ordered steps from each old settings version to the next. Each step takes the raw document of version
 * N and returns version N+1; the result is validated by the current schema afterwards.
 */
const steps: Record<number, (old: Json) => Json> = {
  // v1 (the first CLI state file) kept one profile and the account to restore.
  1: (old) => ({
    version: 2,
    profiles: old.profile === undefined ? [] : [old.profile],
    activeProfileId:
      typeof old.profile === 'object' && old.profile !== null ? ((old.profile as Json).id ?? null) : null,
    activeAccountId: typeof old.accountId === 'string' ? old.accountId : null,
    lastRealms: {},
  }),
};

export class SettingsMigrationError extends Error {
  override readonly name = 'SettingsMigrationError';
}

/** Brings a stored document up to the current version, or says why it cannot. Never guesses. */
export function migrateSettings(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new SettingsMigrationError('The settings file does not hold a settings object.');
  }
  let document = raw as Json;
  let version = typeof document.version === 'number' ? document.version : 1;
  if (version > settingsVersion) {
    throw new SettingsMigrationError(
      `The settings were written by a newer Gatehouse (version ${version}); this one understands up to ${settingsVersion}.`,
    );
  }
  while (version < settingsVersion) {
    const step = steps[version];
    if (step === undefined) throw new SettingsMigrationError(`No migration from settings version ${version}.`);
    document = step(document);
    version += 1;
  }
  return document;
}
