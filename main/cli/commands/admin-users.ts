import { parseArgs } from 'node:util';
import { UserCreate, type User } from '../../../common/admin/user.schema';
import { appError, type AppResult } from '../../../common/errors/app-error';
import { err, ok } from '../../../common/result';
import type { ManagementClient } from '../../admin/management-client';
import { printLine, readSecretFromStdin, type CliIo } from '../cli-io';
import type { CommandContext } from './command-context';
import { adminOptions, connectAdmin, usage } from './admin-connect';
import { cell, finish, printTable } from './admin-output';

export const usersUsage = [
  'gatehouse users list [--realm REALM] [--q QUERY] [--page N] [--per-page N]   (QUERY: Lucene, e.g. email:"a@b.c")',
  'gatehouse users get|block|unblock|delete USER                    (USER: an auth0|… id or an e-mail)',
  'gatehouse users create EMAIL --realm REALM --new-password-stdin',
  'gatehouse users reset-password USER --new-password-stdin',
].join('\n');

/** `gatehouse users …` (§7.4). New passwords come from stdin, never argv (they would show in `ps`). */
export async function users(args: string[], io: CliIo, context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      ...adminOptions,
      realm: { type: 'string' },
      q: { type: 'string' },
      page: { type: 'string' },
      'per-page': { type: 'string' },
      'new-password-stdin': { type: 'boolean', default: false },
    },
  });
  const [verb, who, ...extra] = positionals;
  if (extra.length > 0) return usage(io, `unexpected “${extra.join(' ')}”.`).code;
  if (verb === undefined)
    return usage(io, 'which action? (list, get, create, block, unblock, delete, reset-password)').code;
  if (verb !== 'list' && who === undefined) return usage(io, 'which user?').code;
  const needsPassword = verb === 'create' || verb === 'reset-password';
  if (needsPassword && !values['new-password-stdin'])
    return usage(io, `${verb} reads the new password with --new-password-stdin.`).code;
  if (needsPassword && values['password-stdin'])
    return usage(io, 'standard input can carry one password only; use --m2m.').code;
  if (verb === 'create' && values.realm === undefined) return usage(io, 'create needs --realm REALM.').code;
  const paging = pageFlags(values.page, values['per-page']);
  if (paging === null) return usage(io, '--page and --per-page take whole numbers (--per-page 1 to 100).').code;

  const connected = await connectAdmin(values, io, context);
  if (!connected.ok) return connected.code;
  const { client } = connected;
  const json = values.json;
  const one = (user: User) => describe(io, user);

  if (verb === 'list') {
    const page = await client.users.search({ realm: values.realm, q: values.q, ...paging });
    return finish(io, json, page, ({ items, start, total }) => {
      printTable(
        io,
        ['USER ID', 'EMAIL', 'REALM', 'BLOCKED', 'LOGINS', 'LAST LOGIN'],
        items.map((user) => [
          user.user_id,
          cell(user.email),
          cell(user.identities?.[0]?.connection),
          user.blocked === true ? 'yes' : 'no',
          cell(user.logins_count),
          cell(user.last_login),
        ]),
      );
      printLine(io.stdout, `${items.length === 0 ? 0 : start + 1}–${start + items.length} of ${total}`);
    });
  }
  if (verb === 'create') {
    const input = UserCreate.safeParse({
      connection: values.realm,
      email: who,
      password: await readSecretFromStdin(io.stdin),
    });
    if (!input.success) return usage(io, `the user is not valid: ${input.error.issues[0]?.message ?? 'invalid'}.`).code;
    return finish(io, json, await client.users.create(input.data), (user) =>
      printLine(io.stdout, `Created ${cell(user.email)} (${user.user_id}) in ${values.realm}.`),
    );
  }
  const user = await findUser(client, who ?? '', values.realm);
  if (!user.ok) return finish(io, json, user, () => undefined);
  const id = user.value.user_id;
  switch (verb) {
    case 'get':
      return finish(io, json, user, one);
    case 'block':
      return finish(io, json, await client.users.block(id), (done) =>
        printLine(io.stdout, `Blocked ${cell(done.email)}; their sessions were ended.`),
      );
    case 'unblock':
      return finish(io, json, await client.users.unblock(id), (done) =>
        printLine(io.stdout, `Unblocked ${cell(done.email)}.`),
      );
    case 'delete':
      return finish(io, json, await client.users.delete(id), () => printLine(io.stdout, `Deleted ${id}.`));
    case 'reset-password': {
      const password = await readSecretFromStdin(io.stdin);
      const realm = user.value.identities?.[0]?.connection;
      return finish(io, json, await client.users.setPassword(id, password, realm), (done) =>
        printLine(io.stdout, `Set a new password for ${cell(done.email)}; their sessions were ended.`),
      );
    }
    default:
      return usage(io, `unknown action “${verb}”.`).code;
  }
}

/** A user by `auth0|…` id, or by e-mail (with `--realm` when the address exists in several realms). */
export async function findUser(client: ManagementClient, who: string, realm?: string): Promise<AppResult<User>> {
  if (!who.includes('@') || who.includes('|')) return client.users.get(who);
  const found = await client.users.byEmail(who);
  if (!found.ok) return found;
  const matches = found.value.filter(
    (user) => realm === undefined || user.identities?.some((i) => i.connection === realm),
  );
  const [first, second] = matches;
  if (first === undefined) return err(appError('not_found', `There is no user ${who}${realm ? ` in ${realm}` : ''}.`));
  if (second !== undefined) {
    return err(
      appError('invalid_input', `${who} exists in several realms.`, {
        nextStep: 'Add --realm REALM, or use the user id.',
      }),
    );
  }
  return ok(first);
}

function pageFlags(page: string | undefined, perPage: string | undefined): { page?: number; perPage?: number } | null {
  const whole = (text: string | undefined, max: number) =>
    text === undefined ? undefined : /^\d{1,7}$/.test(text) && Number(text) <= max ? Number(text) : null;
  const p = whole(page, 1_000_000);
  const per = whole(perPage, 100);
  if (p === null || per === null || per === 0) return null;
  return { ...(p === undefined ? {} : { page: p }), ...(per === undefined ? {} : { perPage: per }) };
}

function describe(io: CliIo, user: User): void {
  printLine(io.stdout, `${cell(user.email ?? user.username)} (${user.user_id})`);
  printLine(io.stdout, `  realm: ${cell(user.identities?.map((identity) => identity.connection).join(', '))}`);
  printLine(
    io.stdout,
    `  blocked: ${user.blocked === true ? 'yes' : 'no'}; logins: ${cell(user.logins_count)}; last: ${cell(user.last_login)}`,
  );
  printLine(
    io.stdout,
    `  created: ${cell(user.created_at)}; e-mail verified: ${user.email_verified === true ? 'yes' : 'no'}`,
  );
}
