import { parseArgs } from 'node:util';
import { SignInInput } from '../../../common/ipc/auth.contract';
import { Profile } from '../../settings/profile';
import { writeCliState } from '../cli-state';
import { exitCodes, formatAppError, printLine, readSecretFromStdin, type CliIo } from '../cli-io';
import type { CommandContext } from './command-context';
import { describeSession } from './describe-session';

export const loginUsage =
  'gatehouse login --server URL --client-id ID [--realm R] --username U --password-stdin [--audience A] [--scope S] [--profile NAME] [--json]';

/** Signs in with the password (read from stdin, never from argv) and keeps the refresh token in the keychain. */
export async function login(args: string[], io: CliIo, context: CommandContext): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      server: { type: 'string' },
      'client-id': { type: 'string' },
      realm: { type: 'string' },
      username: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      audience: { type: 'string' },
      scope: { type: 'string' },
      profile: { type: 'string', default: 'default' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.server || !values['client-id'] || !values.username) {
    printLine(io.stderr, `gatehouse: --server, --client-id and --username are required.\nusage: ${loginUsage}`);
    return exitCodes.usage;
  }
  if (!values['password-stdin']) {
    // A password in argv would be visible in `ps` and shell history.
    printLine(io.stderr, 'gatehouse: pass the password on standard input with --password-stdin.');
    return exitCodes.usage;
  }
  const profile = Profile.safeParse({
    id: values.profile,
    name: values.profile,
    kind: 'auth0',
    issuer: values.server,
    clientId: values['client-id'],
    realms: values.realm ? [values.realm] : [],
    defaultRealm: values.realm ?? null,
    ...(values.audience ? { audience: values.audience } : {}),
    ...(values.scope ? { scope: values.scope } : {}),
  });
  if (!profile.success) {
    printLine(
      io.stderr,
      `gatehouse: ${profile.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
    return exitCodes.usage;
  }
  const input = SignInInput.safeParse({
    profileId: profile.data.id,
    realm: values.realm ?? null,
    username: values.username,
    password: await readSecretFromStdin(io.stdin),
  });
  if (!input.success) {
    printLine(io.stderr, `gatehouse: ${input.error.issues[0]?.message ?? 'invalid input'}`);
    return exitCodes.usage;
  }

  const sessions = context.createSessions(profile.data);
  const result = await sessions.signIn(input.data);
  if (!result.ok) {
    printLine(io.stderr, formatAppError(result.error));
    return exitCodes.failed;
  }
  await writeCliState(context.statePath, { version: 1, profile: profile.data, accountId: result.value.accountId });
  if (values.json) {
    printLine(io.stdout, JSON.stringify(result.value, null, 2));
  } else {
    printLine(io.stdout, describeSession(result.value));
    if (result.value.storage === 'memory') {
      printLine(io.stderr, 'gatehouse: the keychain is unavailable, so this sign-in was not saved.');
    }
  }
  return exitCodes.ok;
}
