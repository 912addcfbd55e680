import { parseArgs } from 'node:util';
import type { LogLevel } from './config';
import { IssuerUrl } from './config';
import { MIN_KEY_ENCRYPTION_SECRET_LENGTH } from './keys/key-encryption';
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
  /** PEM files; both or neither. */
  readonly tlsCertFile?: string;
  readonly tlsKeyFile?: string;
  /** From the environment only, never a flag: command lines are visible to every local user. */
  readonly keyEncryptionSecret?: string;
  readonly logRetentionDays?: number;
  /** `--rotate-signing-key`: a new signing key before listening. */
  readonly rotateSigningKey?: boolean;
  /**
   * `--settings FILE`: `GATEHOUSE_*` variables in `KEY=VALUE` lines. Not named `--env-file`, because Node
   * reads a `--env-file` anywhere on its command line as its own option.
   */
  readonly settingsFile?: string;
}

export type CliParse =
  | { readonly kind: 'run'; readonly options: CliOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

/** Environment variables, each the twin of a flag; a flag wins over its variable. */
export const envNames = {
  port: 'GATEHOUSE_PORT',
  host: 'GATEHOUSE_HOST',
  data: 'GATEHOUSE_DATA',
  seed: 'GATEHOUSE_SEED',
  issuer: 'GATEHOUSE_ISSUER',
  'log-level': 'GATEHOUSE_LOG_LEVEL',
  'tls-cert': 'GATEHOUSE_TLS_CERT',
  'tls-key': 'GATEHOUSE_TLS_KEY',
  'log-retention-days': 'GATEHOUSE_LOG_RETENTION_DAYS',
} as const;

/** Only in the environment (or the settings file). */
export const KEY_ENCRYPTION_SECRET_ENV = 'GATEHOUSE_KEY_ENCRYPTION_SECRET';

export const usage = `Usage: npm run server -- [options]

  --port N                port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host H                address to listen on (default ${DEFAULT_HOST})
  --data DIR              data folder for gatehouse.sqlite (default: your user data folder)
  --seed demo             create the demo tenant if the database is empty
  --issuer URL            public base URL ending with "/" (default http(s)://<host>:<port>/)
  --tls-cert FILE         PEM certificate chain: serve HTTPS (needs --tls-key)
  --tls-key FILE          PEM private key for --tls-cert
  --log-retention-days N  days of tenant log events to keep (default 30)
  --rotate-signing-key    make a new signing key current; the old one stays published until its
                          tokens expire, so nobody is signed out
  --log-level L           fatal, error, warn, info (default), debug, trace or silent
  --settings FILE         read GATEHOUSE_* variables from FILE (KEY=VALUE lines)
  -h, --help              show this help

Every flag has a GATEHOUSE_* environment twin (GATEHOUSE_PORT, GATEHOUSE_TLS_CERT, ...); a flag wins.
${KEY_ENCRYPTION_SECRET_ENV} (environment or settings file only) encrypts the signing keys at rest.`;

const logLevels: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Parses and validates the command line, with `env` (the process environment, plus the settings file's
 * values underneath it) filling in flags that were not given. Pure: the caller reads files, prints and
 * exits.
 */
export function parseCliArgs(argv: readonly string[], env: Env = {}): CliParse {
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
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'log-retention-days': { type: 'string' },
        settings: { type: 'string' },
        'rotate-signing-key': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values.help) return { kind: 'help' };

  const pick = (name: keyof typeof envNames): string | undefined => {
    const value = values[name] ?? env[envNames[name]];
    return value === '' && values[name] === undefined ? undefined : value;
  };
  const portText = pick('port');
  const port = portText === undefined ? DEFAULT_PORT : Number(portText);
  if ((portText !== undefined && !/^\d+$/.test(portText)) || !Number.isInteger(port) || port > 65_535) {
    return { kind: 'error', message: `--port must be a whole number from 0 to 65535, not "${portText}"` };
  }
  const host = pick('host');
  const data = pick('data');
  const seed = pick('seed');
  const issuer = pick('issuer');
  if (host !== undefined && host.trim() === '') return { kind: 'error', message: '--host is empty' };
  if (data !== undefined && data.trim() === '') return { kind: 'error', message: '--data is empty' };
  if (seed !== undefined && seed !== 'demo')
    return { kind: 'error', message: `--seed accepts only "demo", not "${seed}"` };
  if (issuer !== undefined) {
    const parsed = IssuerUrl.safeParse(issuer);
    if (!parsed.success)
      return { kind: 'error', message: `--issuer: ${parsed.error.issues[0]?.message ?? 'invalid URL'}` };
  }
  const logLevel = pick('log-level') ?? 'info';
  if (!(logLevels as readonly string[]).includes(logLevel)) {
    return { kind: 'error', message: `--log-level must be one of ${logLevels.join(', ')}` };
  }
  const tlsCertFile = pick('tls-cert');
  const tlsKeyFile = pick('tls-key');
  if ((tlsCertFile === undefined) !== (tlsKeyFile === undefined)) {
    return { kind: 'error', message: '--tls-cert and --tls-key go together' };
  }
  const retentionText = pick('log-retention-days');
  const logRetentionDays = retentionText === undefined ? undefined : Number(retentionText);
  if (
    logRetentionDays !== undefined &&
    (!/^\d+$/.test(retentionText ?? '') || logRetentionDays < 1 || logRetentionDays > 3_650)
  ) {
    return { kind: 'error', message: '--log-retention-days must be a whole number from 1 to 3650' };
  }
  const keyEncryptionSecret = env[KEY_ENCRYPTION_SECRET_ENV] || undefined;
  if (keyEncryptionSecret !== undefined && keyEncryptionSecret.length < MIN_KEY_ENCRYPTION_SECRET_LENGTH) {
    return {
      kind: 'error',
      message: `${KEY_ENCRYPTION_SECRET_ENV} must be at least ${MIN_KEY_ENCRYPTION_SECRET_LENGTH} characters`,
    };
  }

  return {
    kind: 'run',
    options: {
      port,
      host: host ?? DEFAULT_HOST,
      dataDir: data,
      seed: seed === 'demo' ? 'demo' : undefined,
      issuer,
      logLevel: logLevel as LogLevel,
      ...(tlsCertFile !== undefined && tlsKeyFile !== undefined && { tlsCertFile, tlsKeyFile }),
      ...(keyEncryptionSecret !== undefined && { keyEncryptionSecret }),
      ...(logRetentionDays !== undefined && { logRetentionDays }),
      ...(values.settings !== undefined && { settingsFile: values.settings }),
      ...(values['rotate-signing-key'] === true && { rotateSigningKey: true }),
    },
  };
}
