import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../../server/config';
import { startServer } from '../../../../server/start';
import { cheapArgon2 } from '../../../support/server/cheap-hasher';
import { createTestPki } from '../../../support/oauth2-test-server/test-pki';

/**
 * The reference server behind real TLS, as Auth0's SDKs need it: they build every URL as
 * `https://${domain}`, so the issuer is `https://localhost:<port>/` and the certificate (signed by a CA
 * made for this test) names localhost.
 */
export interface TlsTestServer {
  /** What an SDK is configured with: `localhost:<port>`. */
  readonly domain: string;
  /** `https://localhost:<port>/`, every token's `iss`. */
  readonly issuer: string;
  /** PEM file of the test CA, for NODE_EXTRA_CA_CERTS. */
  readonly caFile: string;
  /** The CA itself, for this process's own HTTPS checks. */
  readonly caCert: string;
  /** A scratch folder that goes away with the server (Deploy CLI exports live here). */
  readonly folder: string;
  close(): Promise<void>;
}

/** A port nobody listens on right now: the issuer has to name it before the server starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function isAddressInUse(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EADDRINUSE';
}

/** Starts the demo tenant over HTTPS on 127.0.0.1 (cheap argon2, as the other many-login tests use). */
export async function startTlsTestServer(options: { clock?: Clock } = {}): Promise<TlsTestServer> {
  const folder = await mkdtemp(join(tmpdir(), 'gatehouse-sdk-test-'));
  try {
    const pki = await createTestPki();
    const caFile = join(folder, 'ca.pem');
    await writeFile(caFile, pki.caCert);
    const passwordHasher = await cheapArgon2();
    // Another process may take the probed port before we listen; try a fresh one then.
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      const issuer = `https://localhost:${port}/`;
      try {
        const server = await startServer({
          dataDir: join(folder, 'data'),
          host: '127.0.0.1',
          port,
          issuer,
          seed: 'demo',
          logger: false,
          tls: pki.good,
          passwordHasher,
          ...(options.clock !== undefined && { clock: options.clock }),
        });
        return {
          domain: `localhost:${port}`,
          issuer,
          caFile,
          caCert: pki.caCert,
          folder,
          close: async () => {
            await server.close();
            await rm(folder, { recursive: true, force: true });
          },
        };
      } catch (error) {
        if (!isAddressInUse(error) || attempt >= 3) throw error;
        await rm(join(folder, 'data'), { recursive: true, force: true });
      }
    }
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
