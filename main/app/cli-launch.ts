import { app as electronApp, type App, type CommandLine } from 'electron';
import { cliCommandNames, runCli } from '../cli/run-cli';
import type { CliIo } from '../cli/cli-io';

/**
 * The installed app is also the `gatehouse` command: `gatehouse token` runs the CLI inside the main process
 * and exits without a window. This replaces `ELECTRON_RUN_AS_NODE`, which the RunAsNode fuse turns off (it
 * would make the signed binary a plain Node runtime carrying the app's keychain identity).
 */

/**
 * The CLI arguments, or null for a normal (windowed) launch. argv is the app's own: in a packaged app
 * `[binary, …args]`, in development `[electron, appPath, …args]`. Switches before the command belong to
 * Chromium or the OS (`--no-sandbox`, `--ozone-platform=headless`, macOS's `-psn_…`) and are left out; only
 * a known command word (or --help) makes this a CLI run, so a stray argument still opens the app.
 */
export function cliArguments(argv: readonly string[], packaged: boolean): string[] | null {
  const args = argv.slice(packaged ? 1 : 2);
  const start = args.findIndex((arg) => cliCommandNames.includes(arg) || !arg.startsWith('-'));
  if (start < 0) return null;
  const command = args[start];
  return command !== undefined && cliCommandNames.includes(command) ? args.slice(start) : null;
}

/** What the CLI launch needs from Electron's `app`. */
export type CliApp = Pick<App, 'isPackaged' | 'exit' | 'getPath'> & {
  readonly commandLine: Pick<CommandLine, 'appendSwitch'>;
};

export interface CliLaunch {
  readonly app?: CliApp;
  readonly argv?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly platform?: NodeJS.Platform;
  readonly io?: Omit<CliIo, 'env'>;
  readonly run?: typeof runCli;
}

/**
 * Starts the CLI when argv asks for it and returns true; the CLI then ends the process with its exit code.
 * Returns false for a normal launch. Must run before `app.whenReady()`, so the headless switch still counts.
 */
export function launchCliIfAsked(launch: CliLaunch = {}): boolean {
  const app = launch.app ?? electronApp;
  const env = launch.env ?? process.env;
  const args = cliArguments(launch.argv ?? process.argv, app.isPackaged);
  if (args === null) return false;
  // A CLI run on a Linux box with no display (SSH, CI, a server): Chromium would abort looking for X11 or
  // Wayland. Its headless Ozone platform needs neither, and the CLI opens no window anyway. The .deb's
  // launcher (build/linux/gatehouse) also passes these on argv, in case Chromium chose its platform already.
  if ((launch.platform ?? process.platform) === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    app.commandLine.appendSwitch('ozone-platform', 'headless');
    app.commandLine.appendSwitch('disable-gpu');
  }
  const io = launch.io ?? { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  // The app keeps its settings in Electron's userData folder; pointing the CLI there makes the installed
  // command and the window share profiles whatever the product name makes that folder's name.
  const cliEnv = { ...env, GATEHOUSE_CONFIG_DIR: env.GATEHOUSE_CONFIG_DIR ?? app.getPath('userData') };
  void (launch.run ?? runCli)(args, { ...io, env: cliEnv })
    .catch((error: unknown) => {
      io.stderr.write(`gatehouse: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    })
    // Let piped output drain before exiting: app.exit() does not wait for it.
    .then((code) => (launch.io === undefined ? drained(process.stdout).then(() => code) : code))
    .then((code) => app.exit(code));
  return true;
}

function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}
