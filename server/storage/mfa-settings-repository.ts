import type { SqliteDatabase } from './database';

/**
 * Who must complete MFA on the password grant: `never` (only when a connection, rule or action asks),
 * `enrolled` (users with an active authenticator, demo-tenant.md "MFA policy"), or `always`.
 */
export type MfaPolicy = 'never' | 'enrolled' | 'always';

/** The tenant's MFA settings (Auth0 Guardian policy and factors, simplified). */
export interface MfaSettings {
  readonly policy: MfaPolicy;
  readonly factors: {
    readonly otp: boolean;
    readonly email: boolean;
    readonly sms: boolean;
    readonly recoveryCode: boolean;
  };
}

/** The tenant's single MFA settings row. */
export interface MfaSettingsRepository {
  get(): MfaSettings;
  update(patch: { readonly policy?: MfaPolicy; readonly factors?: Partial<MfaSettings['factors']> }): MfaSettings;
}

interface Row {
  policy: MfaPolicy;
  otp_enabled: number;
  email_enabled: number;
  sms_enabled: number;
  recovery_codes_enabled: number;
}

/** SQLite-backed MFA settings (row id 1, created by migration 021). */
export class SqliteMfaSettingsRepository implements MfaSettingsRepository {
  private readonly select;
  private readonly write;

  constructor(db: SqliteDatabase) {
    this.select = db.prepare<[], Row>(
      'SELECT policy, otp_enabled, email_enabled, sms_enabled, recovery_codes_enabled FROM mfa_settings WHERE id = 1',
    );
    this.write = db.prepare(
      `UPDATE mfa_settings SET policy = @policy, otp_enabled = @otp, email_enabled = @email, sms_enabled = @sms,
              recovery_codes_enabled = @recoveryCode WHERE id = 1`,
    );
  }

  get(): MfaSettings {
    const row = this.select.get();
    if (!row) throw new Error('mfa_settings row is missing');
    return {
      policy: row.policy,
      factors: {
        otp: row.otp_enabled === 1,
        email: row.email_enabled === 1,
        sms: row.sms_enabled === 1,
        recoveryCode: row.recovery_codes_enabled === 1,
      },
    };
  }

  update(patch: { readonly policy?: MfaPolicy; readonly factors?: Partial<MfaSettings['factors']> }): MfaSettings {
    const current = this.get();
    const next: MfaSettings = {
      policy: patch.policy ?? current.policy,
      factors: { ...current.factors, ...patch.factors },
    };
    const flag = (value: boolean) => (value ? 1 : 0);
    this.write.run({
      policy: next.policy,
      otp: flag(next.factors.otp),
      email: flag(next.factors.email),
      sms: flag(next.factors.sms),
      recoveryCode: flag(next.factors.recoveryCode),
    });
    return next;
  }
}
