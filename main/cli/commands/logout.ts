import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readCliState } from '../cli-state';
import { exitCodes, formatAppError, printLine, type CliIo } from '../cli-io';
import type { CommandContext } from './command-context';

/** Revokes the refresh token at the server, deletes it from the keychain, and forgets the CLI state. */
export async function logout(args: string[], io: CliIo, context: CommandContext): Promise<number> {
  parseArgs({ args, strict: true, options: {} });
  const state = await readCliState(context.statePath);
  if (state === null) {
    printLine(io.stdout, 'Not signed in; nothing to do.');
    return exitCodes.ok;
  }
  const result = await context.createSessions(state.profile).signOut(state.accountId);
  if (!result.ok) {
    printLine(io.stderr, formatAppError(result.error));
    return exitCodes.failed;
  }
  await rm(context.statePath, { force: true });
  printLine(io.stdout, 'Signed out: the refresh token was revoked and removed from the keychain.');
  return exitCodes.ok;
}
