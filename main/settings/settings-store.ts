import { Settings, emptySettings } from './settings-schema';
import { migrateSettings } from './settings-migrations';

/**
 * The settings file as main sees it: electron-store in the app and `conf` (its engine) in the CLI, so both
 * read and write the same document. Both expose the whole document as `store`.
 */
export interface RawSettingsFile {
  store: Record<string, unknown>;
}

/** The settings file exists but cannot be used. Nothing is overwritten, so nothing the user had is lost. */
export class SettingsFileError extends Error {
  override readonly name = 'SettingsFileError';
}

/** Reads the document, migrating older versions; a bad document is an error, never replaced by defaults. */
export function readSettings(file: RawSettingsFile): Settings {
  const raw = file.store;
  if (Object.keys(raw).length === 0) return emptySettings;
  let migrated: unknown;
  try {
    migrated = migrateSettings(raw);
  } catch (error) {
    throw new SettingsFileError((error as Error).message, { cause: error });
  }
  const parsed = Settings.safeParse(migrated);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new SettingsFileError(`The settings file is not valid (${problems}).`);
  }
  return parsed.data;
}

/** Writes a validated document in one step (conf writes atomically: a temp file, then rename). */
export function writeSettings(file: RawSettingsFile, settings: Settings): void {
  file.store = Settings.parse(settings) as unknown as Record<string, unknown>;
}
