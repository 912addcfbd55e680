import { join } from 'node:path';
import { runProcess, type ProcessOutcome } from './run-process';

/** The project folder: `npx --no-install gatehouse` there runs bin/gatehouse.mjs, as a user's npx would. */
export const projectRoot = join(import.meta.dirname, '../..');

export interface GatehouseRun {
  /** Fed on standard input (passwords, MFA codes). */
  input?: string | undefined;
  /** The CLI's config folder (GATEHOUSE_CONFIG_DIR): separate folders keep tests' profiles apart. */
  configDir: string;
  /** Added to this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** Run inside a fresh D-Bus session with no keyring at all (scripts/with-keyring, GATEHOUSE_KEYRING=none). */
  withoutKeyring?: boolean;
}

/** Runs `npx gatehouse <args>` to completion in a child process. */
export function runGatehouse(args: readonly string[], run: GatehouseRun): Promise<ProcessOutcome> {
  const command = ['npx', '--no-install', 'gatehouse', ...args];
  const env = {
    ...process.env,
    GATEHOUSE_CONFIG_DIR: run.configDir,
    ...(run.withoutKeyring ? { GATEHOUSE_KEYRING: 'none' } : {}),
    ...run.env,
  };
  const [program, ...rest] = run.withoutKeyring ? [join(projectRoot, 'scripts/with-keyring'), ...command] : command;
  return runProcess(program ?? 'npx', rest, { cwd: projectRoot, input: run.input, env });
}

/** `login` against a demo-tenant server with the desktop client, the password on standard input. */
export function loginArgs(
  serverUrl: string,
  options: { username?: string; realm?: string; profile?: string } = {},
): string[] {
  return [
    'login',
    '--server',
    serverUrl,
    '--client-id',
    'gatehouse-desktop',
    '--realm',
    options.realm ?? 'employees',
    '--username',
    options.username ?? 'alice@example.com',
    '--password-stdin',
    ...(options.profile === undefined ? [] : ['--profile', options.profile]),
  ];
}
