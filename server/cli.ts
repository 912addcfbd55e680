import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { parseEnv } from 'node:util';
import type { CliOptions } from './cli-args';
import { parseCliArgs, usage } from './cli-args';
import { defaultDataDir } from './data-dir';
import { gracefulShutdown } from './graceful-shutdown';
import type { RunningServer } from './start';
import { startServer } from './start';

/** How long a graceful shutdown may wait for in-flight requests before the process gives up. */
const SHUTDOWN_GRACE_MS = 10_000;
/** A second signal within this time is the first one relayed by npm, not a second Ctrl-C. */
const SIGNAL_ECHO_MS = 1_000;

/** Reads a file named on the command line, failing with a message that names the flag. */
function readFileText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, {
      cause: error,
    });
  }
}

/** Parses the command line; with `--settings`, again with the file's values under the environment. */
function parse(argv: readonly string[]): ReturnType<typeof parseCliArgs> {
  const first = parseCliArgs(argv, process.env);
  if (first.kind !== 'run' || first.options.settingsFile === undefined) return first;
  // As with node's own --env-file: a variable already set in the environment wins over the file.
  const fromFile = parseEnv(readFileText(first.options.settingsFile, '--settings'));
  return parseCliArgs(argv, { ...fromFile, ...process.env });
}

async function start(options: CliOptions): Promise<RunningServer> {
  const dataDir =
    options.dataDir ?? defaultDataDir({ platform: process.platform, env: process.env, homedir: homedir() });
  const tls =
    options.tlsCertFile !== undefined && options.tlsKeyFile !== undefined
      ? { cert: readFileText(options.tlsCertFile, '--tls-cert'), key: readFileText(options.tlsKeyFile, '--tls-key') }
      : undefined;
  return startServer({
    dataDir,
    port: options.port,
    host: options.host,
    ...(options.issuer !== undefined && { issuer: options.issuer }),
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(tls !== undefined && { tls }),
    ...(options.keyEncryptionSecret !== undefined && { keyEncryptionSecret: options.keyEncryptionSecret }),
    ...(options.logRetentionDays !== undefined && { logRetentionDays: options.logRetentionDays }),
    ...(options.rotateSigningKey === true && { rotateSigningKey: true }),
    logger: { level: options.logLevel, stream: process.stderr },
  });
}

/**
 * `npm run server -- --port N --host H --data DIR --seed demo [--issuer URL] [--tls-cert F --tls-key F]
 * [--settings F]`.
 *
 * stdout gets `Gatehouse server listening on <url>` once the port is open (launchers and tests wait for
 * it) and `Gatehouse server stopped` after a graceful shutdown; structured logs go to stderr. Bad flags
 * print one line and exit 2. SIGINT or SIGTERM stops accepting connections, lets in-flight requests
 * finish (at most 10 s), closes the database, then exits 0; a second signal a second or more later exits
 * at once (server/graceful-shutdown.ts).
 *
 * Note for supervisors: `npm run server` runs this under `sh -c`, which does not pass SIGTERM on, so
 * signal the whole process group (as a terminal's Ctrl-C does) or run `node --import tsx server/cli.ts`.
 */
async function main(): Promise<void> {
  const parsed = parse(process.argv.slice(2));
  if (parsed.kind === 'help') {
    process.stdout.write(`${usage}\n`);
    return;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`gatehouse server: ${parsed.message} (see --help)\n`);
    process.exitCode = 2;
    return;
  }
  const server = await start(parsed.options);
  process.stdout.write(`Gatehouse server listening on ${server.url}\n`);

  const stop = gracefulShutdown(
    {
      close: () => server.close(),
      say: (line) => process.stdout.write(`${line}\n`),
      complain: (line) => process.stderr.write(`${line}\n`),
      exit: (code) => process.exit(code),
      setExitCode: (code) => (process.exitCode = code),
      now: () => Date.now(),
      later: (ms, run) => {
        const timer = setTimeout(run, ms);
        timer.unref();
        return { cancel: () => clearTimeout(timer) };
      },
    },
    { graceMs: SHUTDOWN_GRACE_MS, echoMs: SIGNAL_ECHO_MS },
  );
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`gatehouse server: could not start: ${message}\n`);
  process.exitCode = 1;
});
