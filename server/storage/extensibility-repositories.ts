import type { Clock } from '../config';
import type { ValueCipher } from '../extensibility/value-cipher';
import type { ActionBindingRepository } from './action-binding-repository';
import { SqliteActionBindingRepository } from './action-binding-repository';
import type { ActionRepository } from './action-repository';
import { SqliteActionRepository } from './action-repository';
import type { AuthenticatorRepository } from './authenticator-repository';
import { SqliteAuthenticatorRepository } from './authenticator-repository';
import type { SqliteDatabase } from './database';
import type { MfaAttemptRepository } from './mfa-attempt-repository';
import { SqliteMfaAttemptRepository } from './mfa-attempt-repository';
import type { MfaSettingsRepository } from './mfa-settings-repository';
import { SqliteMfaSettingsRepository } from './mfa-settings-repository';
import type { MfaTransactionRepository } from './mfa-transaction-repository';
import { SqliteMfaTransactionRepository } from './mfa-transaction-repository';
import type { RuleConfigRepository } from './rule-config-repository';
import { SqliteRuleConfigRepository } from './rule-config-repository';
import type { RuleRepository } from './rule-repository';
import { SqliteRuleRepository } from './rule-repository';

/** Failed second-factor attempts: 10, refilling 1 every 6 minutes (auth0-wire.md §4.5). */
export const MFA_ATTEMPT_BUCKET = { capacity: 10, refillMs: 6 * 60 * 1000 } as const;

/** Issue #4's repositories: rules, actions, MFA. Part of `Repositories` (see repositories.ts). */
export interface ExtensibilityRepositories {
  readonly rules: RuleRepository;
  readonly ruleConfigs: RuleConfigRepository;
  readonly actions: ActionRepository;
  readonly actionBindings: ActionBindingRepository;
  readonly authenticators: AuthenticatorRepository;
  readonly mfaTransactions: MfaTransactionRepository;
  readonly mfaSettings: MfaSettingsRepository;
  readonly mfaAttempts: MfaAttemptRepository;
}

/** Builds them over `db`. `cipher` seals rule configuration, action secrets and TOTP secrets. */
export function createExtensibilityRepositories(
  db: SqliteDatabase,
  clock: Clock,
  cipher: ValueCipher,
): ExtensibilityRepositories {
  return {
    rules: new SqliteRuleRepository(db, clock),
    ruleConfigs: new SqliteRuleConfigRepository(db, cipher, clock),
    actions: new SqliteActionRepository(db, cipher, clock),
    actionBindings: new SqliteActionBindingRepository(db, clock),
    authenticators: new SqliteAuthenticatorRepository(db, cipher, clock),
    mfaTransactions: new SqliteMfaTransactionRepository(db),
    mfaSettings: new SqliteMfaSettingsRepository(db),
    mfaAttempts: new SqliteMfaAttemptRepository(db, MFA_ATTEMPT_BUCKET),
  };
}
