import { z } from 'zod';
import { MIN_KEY_ENCRYPTION_SECRET_LENGTH } from './keys/key-encryption';
import { ExtensibilityConfigSchema } from './extensibility/extensibility-config';
import type { PasswordHasher } from './security/password-hasher';

/** Milliseconds since the epoch. Injected so that tests move time instead of sleeping. */
export type Clock = () => number;

/** The real clock. */
export const systemClock: Clock = () => Date.now();

/** Anything pino can write a log line to (a file stream, `process.stderr`, or a test's collector). */
export interface LogStream {
  write(line: string): unknown;
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

const LoggerConfig = z.union([
  z.boolean(),
  z.object({
    level: z.enum(logLevels).optional(),
    stream: z.custom<LogStream>((value) => typeof (value as LogStream | null)?.write === 'function').optional(),
  }),
]);
export type LoggerConfig = z.infer<typeof LoggerConfig>;

/**
 * The issuer is the public base URL with a trailing slash (demo-tenant.md "Issuer", auth0-wire.md §0).
 * It names the server, so query strings and fragments make no sense in it.
 */
export const IssuerUrl = z
  .url({ protocol: /^https?$/, error: 'issuer must be an http(s) URL' })
  .refine((value) => value.endsWith('/'), 'issuer must end with "/"')
  .refine((value) => {
    const url = new URL(value);
    return url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  }, 'issuer must not carry credentials, a query or a fragment');

export const ServerConfigSchema = z.object({
  /** Folder for `gatehouse.sqlite`; created when missing. */
  dataDir: z.string().min(1),
  /** Fixed issuer. When absent, it is derived from the listening address (see server/issuer.ts). */
  issuer: IssuerUrl.optional(),
  /** Seed this tenant into an empty database. */
  seed: z.literal('demo').optional(),
  clock: z.custom<Clock>((value) => typeof value === 'function', 'clock must be a function').optional(),
  /** `false` (the default) logs nothing; tests keep it off. */
  logger: LoggerConfig.optional(),
  /** PEM certificate chain and private key: serve HTTPS instead of HTTP. */
  tls: z.object({ cert: z.string().min(1), key: z.string().min(1) }).optional(),
  /** Seals private signing keys at rest (keys/key-encryption.ts). Never log it. */
  keyEncryptionSecret: z
    .string()
    .min(MIN_KEY_ENCRYPTION_SECRET_LENGTH, `must be at least ${MIN_KEY_ENCRYPTION_SECRET_LENGTH} characters`)
    .optional(),
  /** Make a new signing key current at start; the old one stays published until its tokens expire. */
  rotateSigningKey: z.boolean().optional(),
  /** Days of tenant log events to keep (Auth0 keeps 1 to 30 depending on the plan). */
  logRetentionDays: z.number().int().min(1).max(3_650).optional(),
  /** Password hashing port; defaults to argon2id with design/security.md's parameters. */
  passwordHasher: z
    .custom<PasswordHasher>((value) => typeof (value as PasswordHasher | null)?.verify === 'function')
    .optional(),
  /** Rules/actions sandbox limits and the MFA message sender (issue #4, extensibility-config.ts). */
  extensibility: ExtensibilityConfigSchema.optional(),
});

/** What callers pass to `buildServer`. */
export type ServerConfig = z.input<typeof ServerConfigSchema>;

/** The validated configuration with defaults applied. */
export interface ResolvedServerConfig {
  readonly dataDir: string;
  readonly issuer: string | undefined;
  readonly seed: 'demo' | undefined;
  readonly clock: Clock;
  readonly logger: LoggerConfig;
  readonly tls: { readonly cert: string; readonly key: string } | undefined;
  readonly keyEncryptionSecret: string | undefined;
  readonly logRetentionDays: number;
  readonly rotateSigningKey: boolean;
  readonly passwordHasher: PasswordHasher | undefined;
}

/** Validates `input` and applies defaults. Throws a ZodError that names the bad field. */
export function resolveServerConfig(input: ServerConfig): ResolvedServerConfig {
  const parsed = ServerConfigSchema.parse(input);
  return {
    dataDir: parsed.dataDir,
    issuer: parsed.issuer,
    seed: parsed.seed,
    clock: parsed.clock ?? systemClock,
    logger: parsed.logger ?? false,
    tls: parsed.tls,
    keyEncryptionSecret: parsed.keyEncryptionSecret,
    logRetentionDays: parsed.logRetentionDays ?? 30,
    rotateSigningKey: parsed.rotateSigningKey ?? false,
    passwordHasher: parsed.passwordHasher,
  };
}

/** Bodies over this size get 413 before parsing (design/security.md "Bad input"). */
export const BODY_LIMIT_BYTES = 64 * 1024;
