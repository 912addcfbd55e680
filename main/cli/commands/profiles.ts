import { parseArgs } from 'node:util';
import type { ProfileInput } from '../../settings/profile';
import { clientSecretAccount } from '../../settings/profile';
import { exitCodes, formatAppError, printLine, type CliIo } from '../cli-io';
import type { CommandContext } from './command-context';
import { parseKeyValues } from './key-values';

export const profilesUsage = [
  'gatehouse profiles list [--json]',
  'gatehouse profiles add NAME --server URL --client-id ID [--kind auth0|oauth2] [--realm R]... [--default-realm R]',
  '                     [--audience A] [--scope S] [--token-endpoint URL] [--revocation-endpoint URL]',
  '                     [--client-secret-env VAR] [--extra-param k=v]... [--ca-bundle PEM] [--proxy URL]',
  'gatehouse profiles remove NAME | use NAME',
].join('\n');

/** Lists, adds, removes and selects server profiles (shared with the app's Settings screen). */
export async function profiles(args: string[], io: CliIo, context: CommandContext): Promise<number> {
  const [verb, ...rest] = args;
  const { settings, secretStore, sessions } = await context.services();
  switch (verb) {
    case 'list': {
      const { values } = parseArgs({
        args: rest,
        strict: true,
        options: { json: { type: 'boolean', default: false } },
      });
      const effective = settings.effective();
      const activeId = settings.activeProfile()?.id;
      if (values.json) {
        printLine(
          io.stdout,
          JSON.stringify({ activeProfileId: activeId ?? null, profiles: effective.profiles }, null, 2),
        );
        return exitCodes.ok;
      }
      if (effective.profiles.length === 0)
        printLine(io.stdout, 'No profiles yet. Add one with `gatehouse profiles add`.');
      for (const profile of effective.profiles) {
        const marks = [profile.id === activeId ? 'active' : '', effective.managedIds.has(profile.id) ? 'managed' : '']
          .filter(Boolean)
          .join(', ');
        printLine(
          io.stdout,
          `${profile.id === activeId ? '*' : ' '} ${profile.id}  ${profile.kind}  ${profile.issuer}  client ${profile.clientId}${marks ? `  (${marks})` : ''}`,
        );
      }
      return exitCodes.ok;
    }
    case 'add':
      return add(rest, io, context);
    case 'remove': {
      const name = rest[0];
      if (name === undefined) return usage(io, 'which profile?');
      await sessions.signOutAll(name);
      const removed = settings.removeProfile(name);
      if (!removed.ok) return failed(io, removed.error);
      await secretStore.delete(clientSecretAccount(name)).catch(() => false);
      printLine(io.stdout, removed.value.removed ? `Removed profile ${name}.` : `There is no profile ${name}.`);
      return removed.value.removed ? exitCodes.ok : exitCodes.failed;
    }
    case 'use': {
      const name = rest[0];
      if (name === undefined) return usage(io, 'which profile?');
      const used = settings.useProfile(name);
      if (!used.ok) return failed(io, used.error);
      printLine(io.stdout, `Now using profile ${name}.`);
      return exitCodes.ok;
    }
    default:
      return usage(io, verb === undefined ? 'which action?' : `unknown action “${verb}”.`);
  }
}

async function add(args: string[], io: CliIo, context: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      server: { type: 'string' },
      'client-id': { type: 'string' },
      kind: { type: 'string' },
      realm: { type: 'string', multiple: true },
      'default-realm': { type: 'string' },
      audience: { type: 'string' },
      scope: { type: 'string' },
      'token-endpoint': { type: 'string' },
      'revocation-endpoint': { type: 'string' },
      'client-secret-env': { type: 'string' },
      'extra-param': { type: 'string', multiple: true },
      'ca-bundle': { type: 'string' },
      proxy: { type: 'string' },
    },
  });
  const name = positionals[0];
  if (name === undefined || !values.server || !values['client-id'])
    return usage(io, 'NAME, --server and --client-id are required.');
  if (values.kind !== undefined && values.kind !== 'auth0' && values.kind !== 'oauth2')
    return usage(io, '--kind is auth0 or oauth2.');
  const extraParams = parseKeyValues(values['extra-param'] ?? []);
  if (!extraParams.ok) return usage(io, extraParams.error);
  const secretVariable = values['client-secret-env'];
  const secret = secretVariable === undefined ? undefined : io.env[secretVariable];
  if (secretVariable !== undefined && !secret) return usage(io, `the variable ${secretVariable} is empty or unset.`);
  const realms = values.realm ?? [];
  const profile: ProfileInput = {
    id: name,
    name,
    kind: values.kind ?? 'auth0',
    issuer: values.server,
    clientId: values['client-id'],
    clientAuth: secret === undefined ? 'none' : 'client_secret_post',
    realms,
    defaultRealm: values['default-realm'] ?? realms[0] ?? null,
    extraParams: extraParams.value,
    ...(values['token-endpoint'] === undefined
      ? {}
      : {
          endpoints: {
            token: values['token-endpoint'],
            ...(values['revocation-endpoint'] ? { revocation: values['revocation-endpoint'] } : {}),
          },
        }),
    ...(values.audience ? { audience: values.audience } : {}),
    ...(values.scope ? { scope: values.scope } : {}),
    ...(values['ca-bundle'] ? { caBundlePath: values['ca-bundle'] } : {}),
    ...(values.proxy ? { proxy: values.proxy } : {}),
  };
  const { settings, secretStore } = await context.services();
  const saved = settings.saveProfile(profile);
  if (!saved.ok) return failed(io, saved.error);
  if (secret !== undefined) await secretStore.set(clientSecretAccount(name), secret);
  printLine(io.stdout, `Saved profile ${name}${secret === undefined ? '' : ' (client secret in the keychain)'}.`);
  return exitCodes.ok;
}

function usage(io: CliIo, problem: string): number {
  printLine(io.stderr, `gatehouse: ${problem}\nusage:\n${profilesUsage}`);
  return exitCodes.usage;
}

function failed(io: CliIo, error: Parameters<typeof formatAppError>[0]): number {
  printLine(io.stderr, formatAppError(error));
  return exitCodes.failed;
}
