import { parseArgs } from 'node:util';
import { exitCodes, formatAppError, printLine, type CliIo } from '../cli-io';
import type { CommandContext } from './command-context';

/** Revokes the refresh token at the server and deletes it from the keychain (--all: every account). */
export async function logout(args: string[], io: CliIo, context: CommandContext): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { all: { type: 'boolean', default: false } } });
  const { settings, sessions } = await context.services();
  if (values.all) {
    const result = await sessions.signOutAll();
    settings.setActiveAccount(null);
    printLine(io.stdout, `Signed out of ${result.ok ? result.value.signedOut : 0} account(s).`);
    return exitCodes.ok;
  }
  const accountId = settings.settings().activeAccountId;
  if (accountId === null) {
    printLine(io.stdout, 'Not signed in; nothing to do.');
    return exitCodes.ok;
  }
  const result = await sessions.signOut(accountId);
  if (!result.ok) {
    printLine(io.stderr, formatAppError(result.error));
    return exitCodes.failed;
  }
  settings.setActiveAccount(null);
  printLine(
    io.stdout,
    result.value.signedOut
      ? 'Signed out: the refresh token was revoked and removed from the keychain.'
      : 'Not signed in; nothing to do.',
  );
  return exitCodes.ok;
}
