import { parseArgs } from 'node:util';
import type { BlockTarget } from '../../../common/admin/user.schema';
import { printLine, type CliIo } from '../cli-io';
import type { CommandContext } from './command-context';
import { adminOptions, connectAdmin, usage } from './admin-connect';
import { cell, finish, printTable } from './admin-output';

export const blocksUsage = 'gatehouse blocks list|clear (--identifier LOGIN | --user USER_ID)';

/**
 * `gatehouse blocks …`: brute-force blocks after too many failed sign-ins (auth0-wire.md §3.2), listed
 * or released for a login identifier or a user. The admin block is `gatehouse users block|unblock`.
 */
export async function blocks(args: string[], io: CliIo, context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { ...adminOptions, identifier: { type: 'string' }, user: { type: 'string' } },
  });
  const [verb, ...extra] = positionals;
  if (extra.length > 0) return usage(io, `unexpected “${extra.join(' ')}”.`).code;
  if (verb !== 'list' && verb !== 'clear') return usage(io, 'which action? (list, clear)').code;
  if ((values.identifier === undefined) === (values.user === undefined)) {
    return usage(io, 'name the blocks with exactly one of --identifier LOGIN or --user USER_ID.').code;
  }
  const target: BlockTarget =
    values.identifier === undefined ? { userId: values.user ?? '' } : { identifier: values.identifier };
  const who = values.identifier ?? values.user ?? '';
  const connected = await connectAdmin(values, io, context);
  if (!connected.ok) return connected.code;
  const { client } = connected;
  if (verb === 'list') {
    return finish(io, values.json, await client.userBlocks.list(target), (list) => {
      if (list.length === 0) printLine(io.stdout, `${who} is not blocked.`);
      else
        printTable(
          io,
          ['IDENTIFIER', 'IP', 'REALM'],
          list.map((block) => [block.identifier, cell(block.ip), cell(block.connection)]),
        );
    });
  }
  return finish(io, values.json, await client.userBlocks.clear(target), () =>
    printLine(io.stdout, `Cleared the brute-force blocks of ${who}.`),
  );
}
