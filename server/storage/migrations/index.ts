import { initialSchema } from './001-initial';

/** A numbered schema change. Versions only ever grow; a shipped migration is never edited. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, in order. Issue #3 appends roles, rules, MFA and logs here. */
export const migrations: readonly Migration[] = [{ version: 1, name: 'initial', sql: initialSchema }];
