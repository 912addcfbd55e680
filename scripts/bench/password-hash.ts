import { Argon2PasswordHasher } from '../../server/security/password-hasher';

/**
 * The time of one password verification with the server's own parameters (argon2id, 19 MiB, t=2, p=1),
 * measured here on an idle machine: the median of `samples` sequential runs, in milliseconds.
 */
export async function measureHashMs(samples: number): Promise<number> {
  const hasher = await Argon2PasswordHasher.create();
  const phc = await hasher.hash('Bench-Passw0rd!');
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const started = performance.now();
    await hasher.verify(phc, i % 2 === 0 ? 'Bench-Passw0rd!' : 'wrong');
    times.push(performance.now() - started);
  }
  return median(times);
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
