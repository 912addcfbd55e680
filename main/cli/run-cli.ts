import { KeytarSecretStore } from '../secrets/keytar-secret-store';
import type { SecretStore } from '../secrets/secret-store';
import { createCliSessions } from './cli-session';
import { CliStateError, defaultStatePath } from './cli-state';
import { exitCodes, printLine, type CliIo } from './cli-io';
import { login, loginUsage } from './commands/login';
import { logout } from './commands/logout';
import { whoami } from './commands/whoami';

const help = `Gatehouse command line: sign in with a password, keep the session in the OS keychain.

usage:
  ${loginUsage}
  gatehouse whoami [--json]     restore the saved session and show the user and claims
  gatehouse logout              revoke and forget the saved session

exit codes: 0 ok, 1 the server or keychain refused, 2 bad usage, 3 not signed in
`;

export interface RunCliOptions {
  /** Defaults to the OS keychain. */
  readonly secretStore?: SecretStore;
}

/** Runs one CLI command and resolves to its exit code. Errors become one line on stderr, never a stack. */
export async function runCli(argv: string[], io: CliIo, options: RunCliOptions = {}): Promise<number> {
  const [command, ...args] = argv;
  const secretStore = options.secretStore ?? new KeytarSecretStore();
  const context = {
    statePath: defaultStatePath(io.env),
    createSessions: (profile: Parameters<typeof createCliSessions>[0]) => createCliSessions(profile, secretStore),
  };
  try {
    switch (command) {
      case 'login':
        return await login(args, io, context);
      case 'whoami':
        return await whoami(args, io, context);
      case 'logout':
        return await logout(args, io, context);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(help);
        return command === undefined ? exitCodes.usage : exitCodes.ok;
      default:
        printLine(io.stderr, `gatehouse: unknown command “${command}”. Run gatehouse --help.`);
        return exitCodes.usage;
    }
  } catch (error) {
    if (error instanceof CliStateError) {
      printLine(io.stderr, `gatehouse: ${error.message}`);
      return exitCodes.failed;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      printLine(io.stderr, `gatehouse: ${error.message}`);
      return exitCodes.usage;
    }
    throw error;
  }
}
