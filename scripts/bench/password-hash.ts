import { Argon2PasswordHasher } from '../../server/security/password-hasher';

/** One password verification with the server's own parameters (argon2id, 19 MiB, t=2, p=1). */
export interface HashTime {
  /** CPU time of one verification (this process, all threads): what a core must spend, however busy. */
  readonly cpuMs: number;
  /** Median wall time of one verification, which grows when other programs share the cores. */
  readonly wallMs: number;
}

/** Runs `samples` sequential verifications and reports their CPU and wall time. */
export async function measureHash(samples: number): Promise<HashTime> {
  const hasher = await Argon2PasswordHasher.create();
  const phc = await hasher.hash('Bench-Passw0rd!');
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < samples; i += 1) {
    const started = performance.now();
    await hasher.verify(phc, i % 2 === 0 ? 'Bench-Passw0rd!' : 'wrong');
    times.push(performance.now() - started);
  }
  const cpu = process.cpuUsage(cpuBefore);
  return { cpuMs: (cpu.user + cpu.system) / 1000 / samples, wallMs: median(times) };
}

/** argon2id alone, many verifications asked for at once. */
export interface ParallelHashRate {
  readonly hashesPerSecond: number;
  /** Verifications asked for at once (as many as the login load's connections). */
  readonly requested: number;
  /** How many the hasher runs at once (its concurrency limit, one per core by default). */
  readonly running: number;
}

/**
 * Hashes per second with `concurrency` verifications asked for at once and nothing else running,
 * through the server's own hasher (so at most one per core runs): the most any login path could reach
 * here, since parallel argon2id runs compete for the cores' caches and memory bandwidth.
 */
export async function measureParallelHashRate(concurrency: number, total: number): Promise<ParallelHashRate> {
  const hasher = await Argon2PasswordHasher.create();
  const phc = await hasher.hash('Bench-Passw0rd!');
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = 0; i < total / concurrency; i += 1) await hasher.verify(phc, 'Bench-Passw0rd!');
    }),
  );
  const hashesPerSecond = (total / (performance.now() - started)) * 1000;
  return { hashesPerSecond, requested: concurrency, running: Math.min(concurrency, hasher.concurrency) };
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
