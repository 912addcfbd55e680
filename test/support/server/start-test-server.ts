import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock, LoggerConfig } from '../../../server/config';
import type { StartServerOptions } from '../../../server/start';
import { startServer } from '../../../server/start';

/** A reference server listening on 127.0.0.1 with the demo tenant, in its own temporary data folder. */
export interface TestServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The issuer (`<url>/`), as every token's `iss` says. */
  readonly issuer: string;
  /** The temporary data folder (`gatehouse.sqlite` lives there), for tests that inspect stored bytes. */
  readonly dataDir: string;
  /** Stops the server and deletes its data folder. */
  close(): Promise<void>;
}

/** Optional knobs; most tests pass nothing. */
export interface TestServerOptions {
  /** Injected clock (ms), for lifetimes and expiry without sleeping. */
  readonly clock?: Clock;
  /** Logging is off unless a test asks for it. */
  readonly logger?: LoggerConfig;
  /** Anything else `startServer` accepts (a cheap password hasher, TLS, a key-encryption secret, ...). */
  readonly server?: Partial<Omit<StartServerOptions, 'dataDir' | 'seed'>>;
}

/**
 * Starts `buildServer` on 127.0.0.1 port 0 with a fresh temporary data folder and `seed: 'demo'`
 * (shared/design/demo-tenant.md). Call `close()` in `afterAll`.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-server-test-'));
  try {
    const server = await startServer({
      dataDir,
      host: '127.0.0.1',
      port: 0,
      seed: 'demo',
      logger: options.logger ?? false,
      ...(options.clock !== undefined && { clock: options.clock }),
      ...options.server,
    });
    return {
      url: server.url,
      issuer: server.issuer,
      dataDir,
      close: async () => {
        await server.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
