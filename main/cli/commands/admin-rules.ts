import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { RuleCreate, type Rule } from '../../../common/admin/extensibility.schema';
import { appError } from '../../../common/errors/app-error';
import { err } from '../../../common/result';
import { printLine, type CliIo } from '../cli-io';
import type { CommandContext } from './command-context';
import { adminOptions, connectAdmin, usage } from './admin-connect';
import { finish, printTable } from './admin-output';

export const rulesUsage = [
  'gatehouse rules list | get ID | enable ID | disable ID | delete ID',
  'gatehouse rules create --name NAME --file SCRIPT.js [--order N] [--disabled]',
  'gatehouse rules reorder ID ID …                                 (every rule, in the new order)',
].join('\n');

/** `gatehouse rules …` (auth0-wire.md §7.3): rules run in ascending order on every password sign-in. */
export async function rules(args: string[], io: CliIo, context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      ...adminOptions,
      name: { type: 'string' },
      file: { type: 'string' },
      order: { type: 'string' },
      disabled: { type: 'boolean', default: false },
    },
  });
  const [verb, ...ids] = positionals;
  const single = ['get', 'enable', 'disable', 'delete'];
  if (verb === undefined) return usage(io, 'which action? (list, get, create, enable, disable, delete, reorder)').code;
  if (single.includes(verb) && ids.length !== 1) return usage(io, `${verb} takes one rule id.`).code;
  if ((verb === 'list' || verb === 'create') && ids.length > 0) return usage(io, `unexpected “${ids.join(' ')}”.`).code;
  if (verb === 'reorder' && ids.length === 0) return usage(io, 'reorder takes every rule id, in the new order.').code;
  if (verb === 'create' && (values.name === undefined || values.file === undefined)) {
    return usage(io, 'create needs --name NAME and --file SCRIPT.js.').code;
  }
  if (values.order !== undefined && !/^\d{1,9}$/.test(values.order))
    return usage(io, '--order takes a whole number.').code;

  const script = verb === 'create' ? await readScript(values.file ?? '') : undefined;
  if (script !== undefined && !script.ok) return finish(io, values.json, script, () => undefined);
  const connected = await connectAdmin(values, io, context);
  if (!connected.ok) return connected.code;
  const { client } = connected;
  const id = ids[0] ?? '';
  const said = (text: string) => (rule: Rule) => printLine(io.stdout, `${text} ${rule.name} (${rule.id}).`);

  switch (verb) {
    case 'list':
      return finish(io, values.json, await client.rules.list(), (list) => table(io, list));
    case 'get':
      return finish(io, values.json, await client.rules.get(id), (rule) => {
        printLine(
          io.stdout,
          `${rule.name} (${rule.id}), order ${rule.order}, ${rule.enabled ? 'enabled' : 'disabled'}`,
        );
        printLine(io.stdout, rule.script);
      });
    case 'create': {
      const input = RuleCreate.safeParse({
        name: values.name,
        script: script?.ok ? script.value : '',
        enabled: !values.disabled,
        ...(values.order === undefined ? {} : { order: Number(values.order) }),
      });
      if (!input.success)
        return usage(io, `the rule is not valid: ${input.error.issues[0]?.message ?? 'invalid'}.`).code;
      return finish(io, values.json, await client.rules.create(input.data), said('Created rule'));
    }
    case 'enable':
      return finish(io, values.json, await client.rules.enable(id), said('Enabled'));
    case 'disable':
      return finish(io, values.json, await client.rules.disable(id), said('Disabled'));
    case 'delete':
      return finish(io, values.json, await client.rules.delete(id), () => printLine(io.stdout, `Deleted rule ${id}.`));
    case 'reorder':
      return finish(io, values.json, await client.rules.reorder(ids), (list) => table(io, list));
    default:
      return usage(io, `unknown action “${verb}”.`).code;
  }
}

function table(io: CliIo, list: readonly Rule[]): void {
  printTable(
    io,
    ['ORDER', 'ENABLED', 'ID', 'NAME'],
    list.map((rule) => [String(rule.order), rule.enabled ? 'yes' : 'no', rule.id, rule.name]),
  );
}

async function readScript(path: string) {
  try {
    return { ok: true as const, value: await readFile(path, 'utf8') };
  } catch {
    return err(appError('invalid_input', `The script file ${path} cannot be read.`));
  }
}
