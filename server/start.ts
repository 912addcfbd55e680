import type { AddressInfo } from 'node:net';
import { buildServer } from './app';
import type { Clock, LoggerConfig } from './config';
import type { ExtensibilityConfig } from './extensibility/extensibility-config';
import type { PasswordHasher } from './security/password-hasher';
import { issuerForAddress } from './issuer';

/** Options for `startServer`. Everything but `dataDir` has a default. */
export interface StartServerOptions {
  readonly dataDir: string;
  /** Default 4000; 0 picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1: the server is not reachable from other machines unless asked. */
  readonly host?: string;
  /** Fixed issuer (must end with `/`); default `http://<host>:<port>/`. */
  readonly issuer?: string;
  readonly seed?: 'demo';
  readonly logger?: LoggerConfig;
  readonly clock?: Clock;
  /** PEM certificate chain and key: serve HTTPS. */
  readonly tls?: { readonly cert: string; readonly key: string };
  /** Seals private signing keys at rest. */
  readonly keyEncryptionSecret?: string;
  readonly logRetentionDays?: number;
  /** Rotate the signing key before listening (see `SigningKeys.rotate`). */
  readonly rotateSigningKey?: boolean;
  /** Injected hashing port (tests use cheap argon2 parameters; production never sets it). */
  readonly passwordHasher?: PasswordHasher;
  /** Rules/actions sandbox limits and the MFA message sender (issue #4). */
  readonly extensibility?: ExtensibilityConfig;
}

/** A listening server. */
export interface RunningServer {
  /** Base URL without a trailing slash, with the real port, e.g. `http://127.0.0.1:4000` (`https` with TLS). */
  readonly url: string;
  /** The issuer every token carries, with its trailing slash. */
  readonly issuer: string;
  /** Stops listening and closes the database. Safe to call more than once. */
  close(): Promise<void>;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4000;

/**
 * Builds and starts the server. Shared by `server/cli.ts`, the `npm start` launcher and tests, so all of
 * them get the same issuer derivation and shutdown.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const app = await buildServer({
    dataDir: options.dataDir,
    ...(options.issuer !== undefined && { issuer: options.issuer }),
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(options.logger !== undefined && { logger: options.logger }),
    ...(options.clock !== undefined && { clock: options.clock }),
    ...(options.tls !== undefined && { tls: options.tls }),
    ...(options.keyEncryptionSecret !== undefined && { keyEncryptionSecret: options.keyEncryptionSecret }),
    ...(options.logRetentionDays !== undefined && { logRetentionDays: options.logRetentionDays }),
    ...(options.rotateSigningKey !== undefined && { rotateSigningKey: options.rotateSigningKey }),
    ...(options.passwordHasher !== undefined && { passwordHasher: options.passwordHasher }),
    ...(options.extensibility !== undefined && { extensibility: options.extensibility }),
  });
  try {
    await app.listen({ host: options.host ?? DEFAULT_HOST, port: options.port ?? DEFAULT_PORT });
  } catch (error) {
    await app.close();
    throw error;
  }
  const base = issuerForAddress(app.server.address() as AddressInfo, options.tls ? 'https' : 'http');
  let closing: Promise<void> | undefined;
  return {
    url: base.slice(0, -1),
    issuer: options.issuer ?? base,
    close: () => (closing ??= app.close()),
  };
}
