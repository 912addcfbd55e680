import type { TenantSettings } from '../tenant/model';
import type { SqliteDatabase } from './database';

/** The tenant's single settings row. */
export interface TenantSettingsRepository {
  get(): TenantSettings;
  update(patch: Partial<TenantSettings>): TenantSettings;
}

interface Row {
  default_directory: string | null;
  default_audience: string | null;
}

/** SQLite-backed tenant settings (the row with id 1, created by the first migration). */
export class SqliteTenantSettingsRepository implements TenantSettingsRepository {
  private readonly select;
  private readonly write;

  constructor(db: SqliteDatabase) {
    this.select = db.prepare<[], Row>('SELECT default_directory, default_audience FROM tenant_settings WHERE id = 1');
    this.write = db.prepare<[string | null, string | null]>(
      'UPDATE tenant_settings SET default_directory = ?, default_audience = ? WHERE id = 1',
    );
  }

  get(): TenantSettings {
    const row = this.select.get();
    if (!row) throw new Error('tenant_settings row is missing');
    return { defaultDirectory: row.default_directory, defaultAudience: row.default_audience };
  }

  update(patch: Partial<TenantSettings>): TenantSettings {
    const next = { ...this.get(), ...patch };
    this.write.run(next.defaultDirectory, next.defaultAudience);
    return next;
  }
}
