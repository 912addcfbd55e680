import { parseArgs } from 'node:util';
import type { ActionVersion } from '../../../common/admin/extensibility.schema';
import { printLine, type CliIo } from '../cli-io';
import type { CommandContext } from './command-context';
import { adminOptions, connectAdmin, usage } from './admin-connect';
import { cell, finish, printTable } from './admin-output';

export const actionsUsage = 'gatehouse actions list | deploy ID | rollback ID [--version ID_OR_NUMBER]';

/**
 * `gatehouse actions …`: post-login actions (auth0-wire.md §6.4). `deploy` makes the draft what logins
 * run; `rollback` deploys an earlier version again (by default the one before the deployed one).
 */
export async function actions(args: string[], io: CliIo, context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { ...adminOptions, version: { type: 'string' } },
  });
  const [verb, id, ...extra] = positionals;
  if (extra.length > 0) return usage(io, `unexpected “${extra.join(' ')}”.`).code;
  if (verb === undefined) return usage(io, 'which action? (list, deploy, rollback)').code;
  if (verb !== 'list' && id === undefined) return usage(io, 'which action id?').code;
  if (verb === 'list' && id !== undefined) return usage(io, `unexpected “${id}”.`).code;
  if (values.version !== undefined && verb !== 'rollback') return usage(io, '--version is for rollback.').code;

  const connected = await connectAdmin(values, io, context);
  if (!connected.ok) return connected.code;
  const { client } = connected;
  const deployed = (text: string) => (version: ActionVersion) =>
    printLine(io.stdout, `${text} ${version.action?.name ?? id ?? ''}: version ${cell(version.number)} now runs.`);
  switch (verb) {
    case 'list':
      return finish(io, values.json, await client.actions.list(), (list) =>
        printTable(
          io,
          ['ID', 'NAME', 'DEPLOYED', 'DRAFT DEPLOYED'],
          list.map((action) => [
            action.id,
            action.name,
            action.deployed_version === undefined ? '-' : `v${cell(action.deployed_version.number)}`,
            action.all_changes_deployed === true ? 'yes' : 'no',
          ]),
        ),
      );
    case 'deploy':
      return finish(io, values.json, await client.actions.deploy(id ?? ''), deployed('Deployed'));
    case 'rollback':
      return finish(io, values.json, await client.actions.rollback(id ?? '', values.version), deployed('Rolled back'));
    default:
      return usage(io, `unknown action “${verb}”.`).code;
  }
}
