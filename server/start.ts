import type { AddressInfo } from 'node:net';
import { buildServer } from './app';
import type { Clock, LoggerConfig } from './config';
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
}

/** A listening server. */
export interface RunningServer {
  /** Base URL without a trailing slash, with the real port, e.g. `http://127.0.0.1:4000`. */
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
  });
  try {
    await app.listen({ host: options.host ?? DEFAULT_HOST, port: options.port ?? DEFAULT_PORT });
  } catch (error) {
    await app.close();
    throw error;
  }
  const base = issuerForAddress(app.server.address() as AddressInfo);
  let closing: Promise<void> | undefined;
  return {
    url: base.slice(0, -1),
    issuer: options.issuer ?? base,
    close: () => (closing ??= app.close()),
  };
}
