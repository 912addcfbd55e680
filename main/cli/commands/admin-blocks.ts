import { parseArgs } from 'node:util';
import type { BlockTarget } from '../../../common/admin/user.schema';
import { ok } from '../../../common/result';
import { printLine, type CliIo } from '../cli-io';
import type { CommandContext } from './command-context';
import { adminOptions, connectAdmin, usage } from './admin-connect';
import { cell, finish, printTable } from './admin-output';

export const blocksUsage =
  'gatehouse blocks list|clear (--identifier LOGIN | --user USER_ID | --ip ADDRESS)  (--ip: suspicious-IP blocks)';

/**
 * `gatehouse blocks …`: brute-force blocks after too many failed sign-ins (auth0-wire.md §3.2), listed
 * or released for a login identifier or a user. The admin block is `gatehouse users block|unblock`.
 */
export async function blocks(args: string[], io: CliIo, context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { ...adminOptions, identifier: { type: 'string' }, user: { type: 'string' }, ip: { type: 'string' } },
  });
  const [verb, ...extra] = positionals;
  if (extra.length > 0) return usage(io, `unexpected “${extra.join(' ')}”.`).code;
  if (verb !== 'list' && verb !== 'clear') return usage(io, 'which action? (list, clear)').code;
  if ([values.identifier, values.user, values.ip].filter((value) => value !== undefined).length !== 1) {
    return usage(io, 'name the blocks with exactly one of --identifier LOGIN, --user USER_ID or --ip ADDRESS.').code;
  }
  const target: BlockTarget =
    values.identifier === undefined ? { userId: values.user ?? '' } : { identifier: values.identifier };
  const who = values.identifier ?? values.user ?? '';
  const connected = await connectAdmin(values, io, context);
  if (!connected.ok) return connected.code;
  const { client } = connected;
  if (values.ip !== undefined) {
    const ip = values.ip;
    if (verb === 'clear') {
      return finish(io, values.json, await client.userBlocks.clearIp(ip), () =>
        printLine(io.stdout, `Lifted the suspicious-IP block of ${ip}.`),
      );
    }
    const checked = await client.userBlocks.isIpBlocked(ip);
    const answer = checked.ok ? ok({ ip, blocked: checked.value }) : checked;
    return finish(io, values.json, answer, ({ blocked }) =>
      printLine(io.stdout, blocked ? `${ip} is blocked by suspicious-IP throttling.` : `${ip} is not blocked.`),
    );
  }
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
