import { parseArgs } from 'node:util';
import { readCliState } from '../cli-state';
import { exitCodes, formatAppError, printLine, type CliIo } from '../cli-io';
import type { CommandContext } from './command-context';
import { describeSession } from './describe-session';

/** Restores the saved session from the keychain (one refresh) and prints who is signed in, with claims. */
export async function whoami(args: string[], io: CliIo, context: CommandContext): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { json: { type: 'boolean', default: false } } });
  const state = await readCliState(context.statePath);
  if (state === null) {
    printLine(io.stderr, 'gatehouse: not signed in. Run `gatehouse login` first.');
    return exitCodes.notSignedIn;
  }
  const sessions = context.createSessions(state.profile);
  const restored = await sessions.restore();
  if (!restored.ok) {
    printLine(io.stderr, formatAppError(restored.error));
    return exitCodes.failed;
  }
  const session = restored.value;
  if (session === null || session.accountId !== state.accountId) {
    printLine(io.stderr, 'gatehouse: not signed in (no saved session in the keychain). Run `gatehouse login`.');
    return exitCodes.notSignedIn;
  }
  if (values.json) {
    printLine(io.stdout, JSON.stringify(session, null, 2));
  } else {
    printLine(io.stdout, describeSession(session));
    for (const [name, value] of Object.entries(session.idTokenClaims ?? session.accessTokenClaims ?? {})) {
      printLine(io.stdout, `  ${name}: ${JSON.stringify(value)}`);
    }
  }
  return exitCodes.ok;
}
