import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { LoadResult } from './http-load';
import { measureHash, measureParallelHashRate } from './password-hash';
import type { BenchResults } from './report';
import { currentLoadAverage, machineLine, renderTable, updateReadme } from './report';
import { enumerationTiming, getLoad, passwordRealmLoad, refreshLoad } from './scenarios';
import { startBenchServer } from './server-process';
import { renderClientRow } from './client/bench-row';
import { benchJwtVerify } from './client/jwt-verify';
import { benchSignInOverhead } from './client/sign-in-overhead';
import { benchRenderer } from './renderer/renderer-bench';

/**
 * `npm run bench [-- --quick] [-- --update-readme] [-- --renderer-only]`: measures the reference server in one run and prints
 * one table (design/security.md "Load", issue #3 "Benchmark"):
 * - one password hash, and the hash-bound limit (cores ÷ hash time);
 * - password-realm logins per second as a fraction of that limit;
 * - the rotating refresh grant at 64 connections for 30 s (p50, p99, errors);
 * - JWKS and discovery requests per second;
 * - the unknown-user vs wrong-password median times.
 * The server runs in its own process; the load generator (autocannon) shares the machine, as the issue
 * asks. `--quick` shortens every run for a smoke check; `--update-readme` records the table in
 * server/README.md.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      'update-readme': { type: 'boolean' },
      'renderer-only': { type: 'boolean' },
    },
  });
  const quick = values.quick === true;
  // The renderer's figures need only the production build and Chromium, so they can run on their own.
  const rendererRows = async () => {
    console.log('… renderer: bundle sizes and sign-in form readiness');
    console.log(`\n${(await benchRenderer(20)).map(renderClientRow).join('\n')}\n`);
  };
  if (values['renderer-only'] === true) {
    await rendererRows();
    return;
  }
  const seconds = { login: quick ? 5 : 15, refresh: quick ? 5 : 30, get: quick ? 3 : 10 };
  const loadAverageAtStart = currentLoadAverage();
  const startedAt = new Date();
  console.log(`Gatehouse benchmark (${quick ? 'quick' : 'full'}) on ${machineLine(loadAverageAtStart)}`);

  const hash = await measureHash(quick ? 10 : 30);
  const parallelHashRate = await measureParallelHashRate(8, quick ? 24 : 80);
  const server = await startBenchServer();
  try {
    const step = (name: string) => console.log(`… ${name}`);
    /** Runs one load and adds what the server's CPU spent per request. */
    const measured = async (connections: number, seconds: number, load: () => Promise<LoadResult>) => {
      const before = await server.cpuMs();
      const result = await load();
      const after = await server.cpuMs();
      const cpuPerRequestMs =
        before === undefined || after === undefined || result.total === 0 ? undefined : (after - before) / result.total;
      return { ...result, connections, seconds, cpuPerRequestMs };
    };
    step('password-realm logins');
    const login = await measured(8, seconds.login, () => passwordRealmLoad(server.url, 8, seconds.login));
    step('refresh grant');
    const refresh = await measured(64, seconds.refresh, () => refreshLoad(server.url, 64, seconds.refresh));
    step('JWKS and discovery');
    const jwks = await measured(64, seconds.get, () => getLoad(server.url, '/.well-known/jwks.json', 64, seconds.get));
    const discovery = await measured(64, seconds.get, () =>
      getLoad(server.url, '/.well-known/openid-configuration', 64, seconds.get),
    );
    step('enumeration timing');
    const timing = await enumerationTiming(server.url, quick ? 40 : 300);

    const results: BenchResults = {
      mode: quick ? 'quick' : 'full',
      startedAt,
      loadAverageAtStart,
      hash,
      parallelHashRate,
      login,
      refresh,
      jwks,
      discovery,
      timing,
    };
    const table = renderTable(results);
    console.log(`\n${table}\n`);

    // The desktop client's own figures (issue #6), measured in this process: see scripts/bench/client/.
    step('client: RS256 verify with a cached JWKS');
    const verify = await benchJwtVerify({ durationMs: quick ? 1_500 : 5_000 });
    step('client: overhead per sign-in');
    const signIn = await benchSignInOverhead(quick ? { signIns: 200, warmUp: 100, firstSignIns: 5 } : {});
    console.log(`\n${[verify, signIn].map(renderClientRow).join('\n')}\n`);
    await rendererRows();
    if (values['update-readme']) {
      await updateReadme(resolve(import.meta.dirname, '../../server/README.md'), results, table);
      console.log('Recorded in server/README.md');
    }
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
