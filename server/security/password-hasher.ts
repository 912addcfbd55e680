import { hash, parseOptions, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { ConcurrencyLimit } from './concurrency-limit';

/** Hashes and checks passwords. A port, so tests can count calls with a fake. */
export interface PasswordHasher {
  /** A PHC string for `password`. */
  hash(password: string): Promise<string>;
  /** Whether `password` matches the PHC string. */
  verify(phc: string, password: string): Promise<boolean>;
  /** Whether `phc` was made with other parameters than today's, so it should be re-made at login. */
  needsRehash(phc: string): boolean;
  /**
   * Does the work of one `verify` against a hash nobody can match, so that an unknown user costs the
   * same time as a wrong password (design/security.md "Enumeration timing").
   */
  dummyVerify(password: string): Promise<void>;
}

/** argon2id parameters: OWASP's minimum, and design/security.md's (19 MiB, t=2, p=1). */
export interface Argon2Parameters {
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

export const defaultArgon2Parameters: Argon2Parameters = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// @node-rs/argon2 declares these as `const enum`s, which isolatedModules cannot inline; the values are
// part of its stable API (Algorithm.Argon2id = 2, Version.V0x13 = 1).
const ARGON2ID = 2;
const VERSION_0X13 = 1;
const OUTPUT_LENGTH = 32;

export interface Argon2HasherOptions {
  /**
   * How many argon2 computations may run at once; the rest wait in arrival order. Default: one per
   * core. libuv's pool has 4 threads, and more hashes than cores only make them fight for the cores
   * and the memory bandwidth (each touches 19 MiB), while the RSA signatures of finished logins, which
   * share that pool, queue behind them.
   */
  readonly concurrency?: number;
}

/**
 * argon2id via @node-rs/argon2, which hashes on libuv's thread pool, off the event loop. Every hash,
 * verify and dummy verify goes through one concurrency limit, so the unknown-user path waits exactly
 * as a known user's does.
 */
export class Argon2PasswordHasher implements PasswordHasher {
  private constructor(
    private readonly parameters: Argon2Parameters,
    private readonly dummyHash: string,
    private readonly slots: ConcurrencyLimit,
  ) {}

  /** Builds a hasher and its dummy hash up front, so the first unknown-user request is not faster. */
  static async create(
    parameters: Argon2Parameters = defaultArgon2Parameters,
    options: Argon2HasherOptions = {},
  ): Promise<Argon2PasswordHasher> {
    const dummyHash = await hash(randomBytes(32), Argon2PasswordHasher.options(parameters));
    const slots = new ConcurrencyLimit(options.concurrency ?? availableParallelism());
    return new Argon2PasswordHasher(parameters, dummyHash, slots);
  }

  /** How many argon2 computations may run at once. */
  get concurrency(): number {
    return this.slots.limit;
  }

  private static options(parameters: Argon2Parameters) {
    return {
      algorithm: ARGON2ID,
      version: VERSION_0X13,
      outputLen: OUTPUT_LENGTH,
      memoryCost: parameters.memoryCost,
      timeCost: parameters.timeCost,
      parallelism: parameters.parallelism,
    };
  }

  hash(password: string): Promise<string> {
    return this.slots.run(() => hash(password, Argon2PasswordHasher.options(this.parameters)));
  }

  verify(phc: string, password: string): Promise<boolean> {
    return this.slots.run(() => verify(phc, password));
  }

  needsRehash(phc: string): boolean {
    let current;
    try {
      current = parseOptions(phc);
    } catch {
      // Not an argon2 PHC string at all (an imported scrypt or bcrypt hash, say): re-make it.
      return true;
    }
    const wanted = this.parameters;
    return (
      (current.algorithm as number) !== ARGON2ID ||
      (current.version as number) !== VERSION_0X13 ||
      current.outputLen !== OUTPUT_LENGTH ||
      current.memoryCost !== wanted.memoryCost ||
      current.timeCost !== wanted.timeCost ||
      current.parallelism !== wanted.parallelism
    );
  }

  async dummyVerify(password: string): Promise<void> {
    await this.slots.run(() => verify(this.dummyHash, password));
  }
}
