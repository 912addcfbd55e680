import { actions, actionsUsage } from './admin-actions';
import { blocks, blocksUsage } from './admin-blocks';
import { adminCredentialsUsage } from './admin-connect';
import { logs, logsUsage } from './admin-logs';
import { realms, realmsUsage } from './admin-realms';
import { rules, rulesUsage } from './admin-rules';
import { users, usersUsage } from './admin-users';

/** The admin verbs (Management API v2), for run-cli.ts's command map. */
export const adminCommands = { realms, users, blocks, rules, actions, logs } as const;

/** Their lines of `gatehouse --help`, indented to sit under "usage:". */
export const adminHelp = [
  'admin (Auth0 Management API v2; every verb takes --json):',
  realmsUsage,
  usersUsage,
  blocksUsage,
  rulesUsage,
  actionsUsage,
  logsUsage,
  adminCredentialsUsage,
]
  .join('\n')
  .replaceAll('\n', '\n  ');
