import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { ok } from '../../../common/result';
import { Inspector } from '../../../main/inspect/inspector';
import { createHttpClient } from '../../../main/net/http-client';
import { Profile } from '../../../main/settings/profile';
import type { BenchRow } from './bench-row';

export interface JwtVerifyBenchOptions {
  /** How long to measure in all, after the warm-up; split into `rounds`. */
  readonly durationMs?: number;
  readonly rounds?: number;
}

/**
 * RS256 verifications per second on one core with a cached JWKS (issue #6: target ≥ 20,000/s). It runs the
 * app's real path, `Inspector.verify`: decode, the algorithm allow-list, the key picked from the cached
 * JWKS, the node:crypto signature check, every claim check and the plain-words explanations, against a
 * JWKS served over loopback HTTP and fetched once.
 *
 * "One core": verifications per second of CPU time used by the whole process (every thread, the garbage
 * collector's included), measured in rounds; the figure is the median round, which a busy machine moves
 * less than a single long run. The notes give the raw `crypto.verify` rate on the same machine, the
 * ceiling any RS256 verifier in Node reaches here, so the inspector's own share can be read off.
 */
export async function benchJwtVerify(options: JwtVerifyBenchOptions = {}): Promise<BenchRow> {
  const rounds = options.rounds ?? 5;
  const roundMs = (options.durationMs ?? 3_000) / rounds;
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
    // The ceiling: node:crypto alone, on a signing input of the same size, with the same key.
    const input = Buffer.from(token.slice(0, token.lastIndexOf('.')));
    const rawKey = createPublicKey({ key: jwk, format: 'jwk' });
    const signature = sign('sha256', input, createPrivateKey({ key: await exportJWK(privateKey), format: 'jwk' }));
    const rawVerify = () => verify('sha256', input, rawKey, signature);

    // Warm up long enough for the JIT to settle on every function of the path, not just the first ones.
    await perCpuSecond(Math.max(roundMs, 500), verifyOnce);
    await perCpuSecond(roundMs / 2, rawVerify);
    const inspectorRates: number[] = [];
    const rawRates: number[] = [];
    // Interleaved, so the ceiling is measured under the same machine load as the inspector.
    for (let round = 0; round < rounds; round += 1) {
      inspectorRates.push(await perCpuSecond(roundMs, verifyOnce));
      rawRates.push(await perCpuSecond(roundMs / 2, rawVerify));
    }
    if (jwksFetches !== 1) throw new Error(`expected one JWKS fetch, saw ${jwksFetches}`);
    const rawRate = median(rawRates);
    const value = median(inspectorRates);
    return {
      name: 'JWT verify, RS256, cached JWKS (one core)',
      value,
      unit: 'verifications/s',
      target: '≥ 20000',
      notes: [
        `Inspector.verify end to end (decode, allow-list, key from the cached JWKS, node:crypto signature, claim checks, explanations); median of ${rounds} rounds, per second of process CPU time`,
        `rounds ${inspectorRates.join(', ')}; raw crypto.verify RS256 on this machine ${rawRate}/s (the ceiling)`,
      ],
    };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Runs `work` back to back for `durationMs` and returns completions per second of this process's CPU time. */
async function perCpuSecond(durationMs: number, work: () => unknown): Promise<number> {
  let completed = 0;
  const cpuBefore = process.cpuUsage();
  const deadline = performance.now() + durationMs;
  while (performance.now() < deadline) {
    // Batches keep the clock reads out of the measurement.
    for (let i = 0; i < 50; i += 1) {
      const pending = work();
      if (pending instanceof Promise) await pending;
    }
    completed += 50;
  }
  const cpu = process.cpuUsage(cpuBefore);
  return Math.round(completed / ((cpu.user + cpu.system) / 1e6));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchJwtVerify());
}
