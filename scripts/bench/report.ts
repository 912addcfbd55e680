import { readFile, writeFile } from 'node:fs/promises';
import { arch, availableParallelism, cpus, loadavg, release, type } from 'node:os';
import { format, resolveConfig } from 'prettier';
import type { LoadResult } from './http-load';
import type { HashTime, ParallelHashRate } from './password-hash';
import type { EnumerationTiming } from './scenarios';

/** One load run, with how it was run and what the server spent on it. */
export type MeasuredLoad = LoadResult & {
  readonly connections: number;
  readonly seconds: number;
  /** Server CPU milliseconds per request (all threads), when the platform can tell. */
  readonly cpuPerRequestMs: number | undefined;
};

/** Everything one `npm run bench` measured. */
export interface BenchResults {
  readonly mode: 'full' | 'quick';
  readonly startedAt: Date;
  readonly loadAverageAtStart: number;
  readonly hash: HashTime;
  /** argon2id alone, as many asked for at once as the login load runs. */
  readonly parallelHashRate: ParallelHashRate;
  readonly login: MeasuredLoad;
  readonly refresh: MeasuredLoad;
  readonly jwks: MeasuredLoad;
  readonly discovery: MeasuredLoad;
  readonly timing: EnumerationTiming;
}

const round = (value: number, digits = 1) => value.toFixed(digits);
const verdict = (ok: boolean) => (ok ? 'yes' : '**no**');

/** The machine, as the README records it next to the table. */
export function machineLine(loadAverage: number): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${availableParallelism()} × ${cpu}, ${type()} ${release()} ${arch()}, Node ${process.version}, load average ${round(loadAverage, 2)} at start`;
}

/** The results as a Markdown table (printed, and recorded in server/README.md). */
export function renderTable(results: BenchResults): string {
  const cores = availableParallelism();
  // The physical limit: every core doing nothing but hashing (CPU time per hash, so a busy machine does
  // not flatter the ratio by slowing the reference measurement).
  const limit = cores / (results.hash.cpuMs / 1000);
  const ratio = results.login.requestsPerSecond / limit;
  const refreshOk =
    results.refresh.requestsPerSecond >= 700 &&
    results.refresh.p99Ms <= 250 &&
    results.refresh.errors === 0 &&
    results.refresh.non2xx === 0;
  const gapMs = Math.abs(results.timing.unknownUserMs - results.timing.wrongPasswordMs);
  const gapRatio = gapMs / Math.max(results.timing.unknownUserMs, results.timing.wrongPasswordMs);
  const cpu = (result: MeasuredLoad) =>
    result.cpuPerRequestMs === undefined ? '' : `; server CPU ${round(result.cpuPerRequestMs, 2)} ms/request`;
  const load = (result: MeasuredLoad) =>
    `${round(result.requestsPerSecond, 0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.errors} errors, ${result.non2xx} non-2xx (${result.status5xx} 5xx)${cpu(result)}`;
  const rows: [string, string, string, string][] = [
    [
      'one password hash (argon2id, 19 MiB, t=2, p=1)',
      `${round(results.hash.cpuMs)} ms of CPU (${round(results.hash.wallMs)} ms wall)`,
      '',
      '',
    ],
    ['hash-bound limit (cores ÷ CPU time of one hash)', `${round(limit)} logins/s (${cores} cores)`, '', ''],
    [
      `argon2id alone, ${results.parallelHashRate.requested} asked at once, ${results.parallelHashRate.running} running (no server)`,
      `${round(results.parallelHashRate.hashesPerSecond)} hashes/s = ${round(results.parallelHashRate.hashesPerSecond / limit, 2)} of the limit`,
      '',
      '',
    ],
    [
      `password-realm logins (${results.login.connections} connections, ${results.login.seconds} s)`,
      `${round(results.login.requestsPerSecond)} logins/s = **${round(ratio, 2)}** of the limit; p99 ${results.login.p99Ms} ms; ${results.login.non2xx + results.login.errors} failures${cpu(results.login)}`,
      '≥ 0.95',
      verdict(ratio >= 0.95 && results.login.non2xx + results.login.errors === 0),
    ],
    [
      `refresh grant, rotating (${results.refresh.connections} connections, ${results.refresh.seconds} s)`,
      load(results.refresh),
      '≥ 700 req/s, p99 ≤ 250 ms, 0 errors',
      verdict(refreshOk),
    ],
    [`JWKS (${results.jwks.connections} connections, ${results.jwks.seconds} s)`, load(results.jwks), '', ''],
    [
      `discovery (${results.discovery.connections} connections, ${results.discovery.seconds} s)`,
      load(results.discovery),
      '',
      '',
    ],
    [
      `enumeration timing (${results.timing.samples} unknown-user and ${results.timing.samples} wrong-password logins, interleaved)`,
      `medians ${round(results.timing.unknownUserMs)} ms vs ${round(results.timing.wrongPasswordMs)} ms (gap ${round(gapMs)} ms, ${round(gapRatio * 100)} %)`,
      '≤ 10 % and ≤ 15 ms',
      verdict(gapRatio <= 0.1 && gapMs <= 15),
    ],
  ];
  return [
    '| measure | result | target | met |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** Replaces the marked benchmark section of the README with this run's table. */
export async function updateReadme(path: string, results: BenchResults, table: string): Promise<void> {
  const text = await readFile(path, 'utf8');
  const begin = text.indexOf(START);
  const end = text.indexOf(END);
  if (begin === -1 || end < begin) throw new Error(`${path} has no ${START} … ${END} section`);
  const section = [
    START,
    '',
    `Run ${results.startedAt.toISOString()} (${results.mode} run) on ${machineLine(results.loadAverageAtStart)}.`,
    '',
    table,
    '',
    END,
  ].join('\n');
  const updated = `${text.slice(0, begin)}${section}${text.slice(end + END.length)}`;
  // Formatted as the repository's prettier check expects (tables aligned).
  const options = (await resolveConfig(path)) ?? {};
  await writeFile(path, await format(updated, { ...options, filepath: path }));
}

/** The one-minute load average, so a reader can tell a busy machine from a slow server. */
export function currentLoadAverage(): number {
  return loadavg()[0] ?? 0;
}
