import { initialSchema } from './001-initial';
import { rolesSchema } from './010-roles';
import { clientGrantsSchema } from './011-client-grants';
import { attackProtectionSchema } from './012-attack-protection';
import { tenantLogsSchema } from './013-tenant-logs';
import { rulesAndActionsSchema } from './020-rules-actions';
import { mfaSchema } from './021-mfa';
import { managementSchema } from './030-management';
import { userinfoClaimsSchema } from './031-userinfo-claims';

/** A numbered schema change. Versions only ever grow; a shipped migration is never edited. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, in order. Issue #3 appends roles, rules, MFA and logs here. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initialSchema },
  { version: 10, name: 'roles', sql: rolesSchema },
  { version: 11, name: 'client-grants', sql: clientGrantsSchema },
  { version: 12, name: 'attack-protection', sql: attackProtectionSchema },
  { version: 13, name: 'tenant-logs', sql: tenantLogsSchema },
  { version: 20, name: 'rules-actions', sql: rulesAndActionsSchema },
  { version: 21, name: 'mfa', sql: mfaSchema },
  { version: 30, name: 'management', sql: managementSchema },
  { version: 31, name: 'userinfo-claims', sql: userinfoClaimsSchema },
];
