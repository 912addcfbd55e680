import { parseArgs } from 'node:util';
import { exitCodes, formatAppError, printLine, type CliIo } from '../cli-io';
import type { CommandContext } from './command-context';
import { describeSession } from './describe-session';
import { restoreActive } from './restore-active';

/** Restores the saved session from the keychain (one refresh) and prints who is signed in, with claims. */
export async function whoami(args: string[], io: CliIo, context: CommandContext): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { json: { type: 'boolean', default: false } } });
  const restored = await restoreActive(await context.services());
  if (!restored.ok) {
    printLine(io.stderr, formatAppError(restored.error));
    return exitCodes.failed;
  }
  const session = restored.value;
  if (session === null) {
    printLine(io.stderr, 'gatehouse: not signed in (no saved session in the keychain). Run `gatehouse login`.');
    return exitCodes.notSignedIn;
  }
  if (values.json) {
    printLine(io.stdout, JSON.stringify(session, null, 2));
    return exitCodes.ok;
  }
  printLine(io.stdout, describeSession(session));
  for (const [name, value] of Object.entries(session.idTokenClaims ?? session.accessTokenClaims ?? {})) {
    printLine(io.stdout, `  ${name}: ${JSON.stringify(value)}`);
  }
  return exitCodes.ok;
}
