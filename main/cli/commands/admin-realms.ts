import { parseArgs } from 'node:util';
import { ConnectionCreate, type Connection } from '../../../common/admin/connection.schema';
import { appError, type AppResult } from '../../../common/errors/app-error';
import { err, ok } from '../../../common/result';
import type { ManagementClient } from '../../admin/management-client';
import { printLine, type CliIo } from '../cli-io';
import type { CommandContext } from './command-context';
import { adminOptions, connectAdmin, usage } from './admin-connect';
import { cell, finish, printTable } from './admin-output';

export const realmsUsage = [
  'gatehouse realms list | get REALM | delete REALM                 (REALM: a name or a con_… id)',
  'gatehouse realms create NAME [--enable-client ID]... [--password-policy none|low|fair|good|excellent]',
].join('\n');

/** `gatehouse realms …`: the database connections users sign in to with password-realm (§7.2). */
export async function realms(args: string[], io: CliIo, context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      ...adminOptions,
      'enable-client': { type: 'string', multiple: true },
      'password-policy': { type: 'string' },
    },
  });
  const [verb, name, ...extra] = positionals;
  if (extra.length > 0) return usage(io, `unexpected “${extra.join(' ')}”.`).code;
  if (verb !== 'list' && name === undefined) {
    return usage(io, verb === undefined ? 'which action? (list, get, create, delete)' : 'which realm?').code;
  }
  const connected = await connectAdmin(values, io, context);
  if (!connected.ok) return connected.code;
  const { client } = connected;
  const show = (connection: Connection) => describe(io, connection);
  switch (verb) {
    case 'list':
      return finish(io, values.json, await client.connections.list(), (list) =>
        printTable(
          io,
          ['NAME', 'ID', 'STRATEGY', 'CLIENTS'],
          list.map((connection) => [
            connection.name,
            connection.id,
            connection.strategy,
            cell(connection.enabled_clients?.join(',')),
          ]),
        ),
      );
    case 'get':
      return finish(io, values.json, await findRealm(client, name ?? ''), show);
    case 'create': {
      const input = ConnectionCreate.safeParse({
        name,
        strategy: 'auth0',
        ...(values['enable-client'] === undefined ? {} : { enabled_clients: values['enable-client'] }),
        ...(values['password-policy'] === undefined ? {} : { options: { passwordPolicy: values['password-policy'] } }),
      });
      if (!input.success)
        return usage(io, `the realm is not valid: ${input.error.issues[0]?.message ?? 'invalid'}.`).code;
      return finish(io, values.json, await client.connections.create(input.data), (connection) => {
        printLine(io.stdout, `Created realm ${connection.name} (${connection.id}).`);
      });
    }
    case 'delete': {
      const realm = await findRealm(client, name ?? '');
      if (!realm.ok) return finish(io, values.json, realm, () => undefined);
      const deleted = await client.connections.delete(realm.value.id);
      return finish(io, values.json, deleted, () => printLine(io.stdout, `Deleted realm ${realm.value.name}.`));
    }
    default:
      return usage(io, `unknown action “${verb}” (list, get, create, delete).`).code;
  }
}

/** A realm by `con_…` id or by name. */
export async function findRealm(client: ManagementClient, nameOrId: string): Promise<AppResult<Connection>> {
  if (nameOrId.startsWith('con_')) return client.connections.get(nameOrId);
  const found = await client.connections.findByName(nameOrId);
  if (!found.ok) return found;
  return found.value === null
    ? err(appError('not_found', `There is no realm named “${nameOrId}”.`, { nextStep: 'Run gatehouse realms list.' }))
    : ok(found.value);
}

function describe(io: CliIo, connection: Connection): void {
  printLine(io.stdout, `${connection.name} (${connection.id}), strategy ${connection.strategy}`);
  printLine(io.stdout, `  enabled clients: ${cell(connection.enabled_clients?.join(', '))}`);
  if (connection.options !== undefined) printLine(io.stdout, `  options: ${JSON.stringify(connection.options)}`);
}
