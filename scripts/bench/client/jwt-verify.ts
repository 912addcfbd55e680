import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { ok } from '../../../common/result';
import { Inspector } from '../../../main/inspect/inspector';
import { createHttpClient } from '../../../main/net/http-client';
import { Profile } from '../../../main/settings/profile';

/** One line of the `npm run bench` table. */
export interface BenchRow {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target: string;
}

export interface JwtVerifyBenchOptions {
  /** How long to measure, after the warm-up. */
  readonly durationMs?: number;
  /** Verifications kept in flight: jose verifies through WebCrypto, which completes asynchronously. */
  readonly inFlight?: number;
}

/**
 * RS256 verifications per second on one core with a cached JWKS (issue #6: target ≥ 20,000/s). It runs the
 * app's real path, `Inspector.verify` (decode, allow-list, key lookup in jose's local JWKS, signature, every
 * claim check and the plain-words explanations), against a JWKS served over loopback HTTP and fetched once.
 *
 * "One core" is measured as verifications per second of CPU time used by this process, all threads
 * included: WebCrypto hands signature checks to libuv's thread pool, so wall-clock rate alone would count
 * a second core's work.
 */
export async function benchJwtVerify(options: JwtVerifyBenchOptions = {}): Promise<BenchRow> {
  const durationMs = options.durationMs ?? 3_000;
  const inFlight = options.inFlight ?? 16;
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench-key', alg: 'RS256', use: 'sig' };
  let jwksFetches = 0;
  const server = createServer((_request, response) => {
    jwksFetches += 1;
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const profile = Profile.parse({
      id: 'bench',
      name: 'Bench',
      kind: 'auth0',
      issuer,
      clientId: 'gatehouse-desktop',
      audience: 'https://api.gatehouse.test/',
    });
    const http = createHttpClient({ userAgent: 'Gatehouse/bench', timeoutMs: 5_000 });
    const inspector = new Inspector({ httpFor: async () => ok(http) });
    const now = Math.floor(Date.now() / 1000);
    // An access token shaped like the reference server's (spec/auth0-wire.md §5.5).
    const token = await new SignJWT({
      iss: issuer,
      sub: 'auth0|0123456789abcdef',
      aud: ['https://api.gatehouse.test/', `${issuer}userinfo`],
      iat: now,
      exp: now + 3600,
      azp: 'gatehouse-desktop',
      scope: 'openid profile email offline_access read:reports',
      gty: 'password',
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'bench-key' })
      .sign(privateKey);

    const verifyOnce = async () => {
      const result = await inspector.verify(token, profile);
      // A benchmark of failing verifications would measure nothing useful.
      if (!result.ok || !result.value.valid) throw new Error('the benchmark token did not verify');
    };
    for (let i = 0; i < 1_000; i += 1) await verifyOnce();

    let completed = 0;
    const cpuBefore = process.cpuUsage();
    const deadline = performance.now() + durationMs;
    const worker = async () => {
      while (performance.now() < deadline) {
        await verifyOnce();
        completed += 1;
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    const cpu = process.cpuUsage(cpuBefore);
    if (jwksFetches !== 1) throw new Error(`expected one JWKS fetch, saw ${jwksFetches}`);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    return {
      name: 'JWT verify, RS256, cached JWKS (one core)',
      value: Math.round(completed / cpuSeconds),
      unit: 'verifications/s',
      target: '≥ 20000',
    };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table([await benchJwtVerify()]);
}
