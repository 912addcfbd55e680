import type { SecretStore } from '../secrets/secret-store';
import { PolicyFileError } from '../settings/policy-file';
import { SettingsFileError } from '../settings/settings-store';
import { exitCodes, printLine, type CliIo } from './cli-io';
import { createCliServices, type CliServices } from './cli-services';
import { adminCommands, adminHelp } from './commands/admin-commands';
import { inspect, inspectUsage } from './commands/inspect';
import { login, loginUsage } from './commands/login';
import { logout } from './commands/logout';
import { profiles, profilesUsage } from './commands/profiles';
import { token } from './commands/token';
import { whoami } from './commands/whoami';
import type { CommandContext } from './commands/command-context';

const help = `Gatehouse command line: sign in with a password, keep the session in the OS keychain.

usage:
  ${loginUsage.replaceAll('\n', '\n  ')}
  gatehouse whoami [--json]          restore the saved session and show the user and claims
  gatehouse token [--refresh] [--json]
                                     print the current access token (for scripts)
  gatehouse logout [--all]           revoke and forget the saved session (--all: every account)
  ${inspectUsage.replaceAll('\n', '\n  ')}
  ${profilesUsage.replaceAll('\n', '\n  ')}

  ${adminHelp}

Profiles are shared with the desktop app. A machine-wide managed policy (/etc/gatehouse/policy.json, or
GATEHOUSE_POLICY_FILE) can pin and lock profile settings.

exit codes: 0 ok, 1 the server, keychain, settings or policy refused, 2 bad usage, 3 not signed in
`;

type Command = (args: string[], io: CliIo, context: CommandContext) => Promise<number>;
const commands: Record<string, Command> = { login, whoami, token, logout, profiles, inspect, ...adminCommands };

/** The words that start a CLI run (the installed app uses them to tell a command from a plain launch). */
export const cliCommandNames: readonly string[] = [...Object.keys(commands), 'help', '--help', '-h'];

export interface RunCliOptions {
  /** Defaults to the OS keychain. */
  readonly secretStore?: SecretStore;
}

/** Runs one CLI command and resolves to its exit code. Errors become one line on stderr, never a stack. */
export async function runCli(argv: string[], io: CliIo, options: RunCliOptions = {}): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(help);
    return name === undefined ? exitCodes.usage : exitCodes.ok;
  }
  const command = commands[name];
  if (command === undefined) {
    printLine(io.stderr, `gatehouse: unknown command “${name}”. Run gatehouse --help.`);
    return exitCodes.usage;
  }
  let services: Promise<CliServices> | undefined;
  const context: CommandContext = { services: () => (services ??= createCliServices(io.env, options.secretStore)) };
  try {
    const code = await command(args, io, context);
    if (services !== undefined) (await services).sessions.dispose();
    return code;
  } catch (error) {
    if (error instanceof PolicyFileError || error instanceof SettingsFileError) {
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
