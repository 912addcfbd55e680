import { parseArgs } from 'node:util';
import type { LogLevel } from './config';
import { IssuerUrl } from './config';
import { DEFAULT_HOST, DEFAULT_PORT } from './start';

/** The server command's options after validation. */
export interface CliOptions {
  readonly port: number;
  readonly host: string;
  /** Undefined means the per-user default (see data-dir.ts). */
  readonly dataDir: string | undefined;
  readonly seed: 'demo' | undefined;
  readonly issuer: string | undefined;
  readonly logLevel: LogLevel;
}

export type CliParse =
  | { readonly kind: 'run'; readonly options: CliOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

export const usage = `Usage: npm run server -- [options]

  --port N          port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host H          address to listen on (default ${DEFAULT_HOST})
  --data DIR        data folder for gatehouse.sqlite (default: your user data folder)
  --seed demo       create the demo tenant if the database is empty
  --issuer URL      public base URL ending with "/" (default http://<host>:<port>/)
  --log-level L     fatal, error, warn, info (default), debug, trace or silent
  -h, --help        show this help`;

const logLevels: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Parses and validates the command line. Pure: the caller prints and exits. */
export function parseCliArgs(argv: readonly string[]): CliParse {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        seed: { type: 'string' },
        issuer: { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values.help) return { kind: 'help' };

  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!/^\d+$/.test(values.port ?? String(DEFAULT_PORT)) || !Number.isInteger(port) || port > 65_535) {
    return { kind: 'error', message: `--port must be a whole number from 0 to 65535, not "${values.port}"` };
  }
  if (values.host !== undefined && values.host.trim() === '') return { kind: 'error', message: '--host is empty' };
  if (values.data !== undefined && values.data.trim() === '') return { kind: 'error', message: '--data is empty' };
  if (values.seed !== undefined && values.seed !== 'demo') {
    return { kind: 'error', message: `--seed accepts only "demo", not "${values.seed}"` };
  }
  if (values.issuer !== undefined) {
    const issuer = IssuerUrl.safeParse(values.issuer);
    if (!issuer.success) {
      return { kind: 'error', message: `--issuer: ${issuer.error.issues[0]?.message ?? 'invalid URL'}` };
    }
  }
  const logLevel = values['log-level'] ?? 'info';
  if (!(logLevels as readonly string[]).includes(logLevel)) {
    return { kind: 'error', message: `--log-level must be one of ${logLevels.join(', ')}` };
  }

  return {
    kind: 'run',
    options: {
      port,
      host: values.host ?? DEFAULT_HOST,
      dataDir: values.data,
      seed: values.seed === 'demo' ? 'demo' : undefined,
      issuer: values.issuer,
      logLevel: logLevel as LogLevel,
    },
  };
}
