import { parseArgs } from 'node:util';
import { exitCodes, formatAppError, printLine, type CliIo } from '../cli-io';
import type { CommandContext } from './command-context';
import { restoreActive } from './restore-active';

/**
 * Prints the current access token, for scripts (`curl -H "Authorization: Bearer $(gatehouse token)"`).
 * It is printed only because this command asks for it; --refresh gets a fresh one first.
 */
export async function token(args: string[], io: CliIo, context: CommandContext): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { refresh: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  });
  const services = await context.services();
  const restored = await restoreActive(services);
  if (!restored.ok) {
    printLine(io.stderr, formatAppError(restored.error));
    return exitCodes.failed;
  }
  if (restored.value === null) {
    printLine(io.stderr, 'gatehouse: not signed in. Run `gatehouse login` first.');
    return exitCodes.notSignedIn;
  }
  const accountId = restored.value.accountId;
  if (values.refresh) {
    const renewed = await services.sessions.refresh(accountId);
    if (!renewed.ok) {
      printLine(io.stderr, formatAppError(renewed.error));
      return exitCodes.failed;
    }
  }
  const accessToken = await services.sessions.accessToken(accountId);
  if (!accessToken.ok) {
    printLine(io.stderr, formatAppError(accessToken.error));
    return exitCodes.failed;
  }
  const expiresAt = services.sessions.active()?.expiresAt ?? 0;
  printLine(
    io.stdout,
    values.json
      ? JSON.stringify({ access_token: accessToken.value, expires_at: new Date(expiresAt).toISOString() })
      : accessToken.value,
  );
  return exitCodes.ok;
}
