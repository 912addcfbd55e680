import type {
  BreachedPasswordSettings,
  BruteForceSettings,
  SuspiciousIpSettings,
} from '../security/attack-protection-settings';
import {
  fromBreachedPasswordWire,
  fromBruteForceWire,
  fromSuspiciousIpWire,
  toBreachedPasswordWire,
  toBruteForceWire,
  toSuspiciousIpWire,
} from '../security/attack-protection-settings';
import type { SqliteDatabase } from './database';

/**
 * The tenant's attack-protection settings (`/api/v2/attack-protection/*`). Reads are cached: the login
 * path asks on every attempt, and only this store writes them.
 */
export interface AttackProtectionSettingsStore {
  bruteForce(): BruteForceSettings;
  setBruteForce(settings: BruteForceSettings): BruteForceSettings;
  suspiciousIp(): SuspiciousIpSettings;
  setSuspiciousIp(settings: SuspiciousIpSettings): SuspiciousIpSettings;
  breachedPassword(): BreachedPasswordSettings;
  setBreachedPassword(settings: BreachedPasswordSettings): BreachedPasswordSettings;
}

type Feature = 'brute-force-protection' | 'suspicious-ip-throttling' | 'breached-password-detection';

/** SQLite-backed settings: one Auth0-shaped JSON document per feature, defaults when absent. */
export class SqliteAttackProtectionSettingsStore implements AttackProtectionSettingsStore {
  private readonly select;
  private readonly upsert;
  private cache = new Map<Feature, unknown>();

  constructor(db: SqliteDatabase) {
    this.select = db.prepare<[Feature], { config: string }>('SELECT config FROM attack_protection WHERE feature = ?');
    this.upsert = db.prepare<[Feature, string]>(
      'INSERT INTO attack_protection (feature, config) VALUES (?, ?) ON CONFLICT DO UPDATE SET config = excluded.config',
    );
  }

  private read<T>(feature: Feature, parse: (json: unknown) => T): T {
    if (this.cache.has(feature)) return this.cache.get(feature) as T;
    const row = this.select.get(feature);
    const value = parse(row === undefined ? {} : JSON.parse(row.config));
    this.cache.set(feature, value);
    return value;
  }

  private write<T>(feature: Feature, value: T, toWire: (value: T) => unknown): T {
    this.upsert.run(feature, JSON.stringify(toWire(value)));
    this.cache.set(feature, value);
    return value;
  }

  bruteForce(): BruteForceSettings {
    return this.read('brute-force-protection', fromBruteForceWire);
  }

  setBruteForce(settings: BruteForceSettings): BruteForceSettings {
    return this.write('brute-force-protection', settings, toBruteForceWire);
  }

  suspiciousIp(): SuspiciousIpSettings {
    return this.read('suspicious-ip-throttling', fromSuspiciousIpWire);
  }

  setSuspiciousIp(settings: SuspiciousIpSettings): SuspiciousIpSettings {
    return this.write('suspicious-ip-throttling', settings, toSuspiciousIpWire);
  }

  breachedPassword(): BreachedPasswordSettings {
    return this.read('breached-password-detection', fromBreachedPasswordWire);
  }

  setBreachedPassword(settings: BreachedPasswordSettings): BreachedPasswordSettings {
    return this.write('breached-password-detection', settings, toBreachedPasswordWire);
  }
}
