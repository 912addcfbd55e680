import { homedir } from 'node:os';
import { parseCliArgs, usage } from './cli-args';
import { defaultDataDir } from './data-dir';
import { startServer } from './start';

/**
 * `npm run server -- --port N --host H --data DIR --seed demo [--issuer URL]`.
 *
 * stdout gets `Gatehouse server listening on <url>` once the port is open (launchers and tests wait for
 * it) and `Gatehouse server stopped` after a graceful shutdown; structured logs go to stderr. Bad flags
 * print one line and exit 2. SIGINT or SIGTERM closes the server and the database, then exits 0.
 *
 * Note for supervisors: `npm run server` runs this under `sh -c`, which does not pass SIGTERM on, so
 * signal the whole process group (as a terminal's Ctrl-C does) or run `node --import tsx server/cli.ts`.
 */
async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (parsed.kind === 'help') {
    process.stdout.write(`${usage}\n`);
    return;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`gatehouse server: ${parsed.message} (see --help)\n`);
    process.exitCode = 2;
    return;
  }
  const { options } = parsed;
  const dataDir =
    options.dataDir ?? defaultDataDir({ platform: process.platform, env: process.env, homedir: homedir() });

  const server = await startServer({
    dataDir,
    port: options.port,
    host: options.host,
    ...(options.issuer !== undefined && { issuer: options.issuer }),
    ...(options.seed !== undefined && { seed: options.seed }),
    logger: { level: options.logLevel, stream: process.stderr },
  });
  process.stdout.write(`Gatehouse server listening on ${server.url}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.stderr.write(`gatehouse server: ${signal} again, exiting without waiting\n`);
      process.exit(1);
    }
    stopping = true;
    server.close().then(
      () => {
        process.stdout.write('Gatehouse server stopped\n');
        process.exitCode = 0;
      },
      (error: unknown) => {
        process.stderr.write(`gatehouse server: error while closing: ${String(error)}\n`);
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`gatehouse server: could not start: ${message}\n`);
  process.exitCode = 1;
});
