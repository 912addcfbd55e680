import type { PasswordHasher } from '../../../server/security/password-hasher';
import { Argon2PasswordHasher } from '../../../server/security/password-hasher';

/**
 * Real argon2id with the smallest parameters, for tests that make hundreds of password attempts (attack
 * protection, property tests). Injected through `passwordHasher`; production never sets it.
 */
export function cheapArgon2(): Promise<Argon2PasswordHasher> {
  return Argon2PasswordHasher.create({ memoryCost: 64, timeCost: 1, parallelism: 1 });
}

/** Wraps a hasher and counts what each path asked of it. */
export class CountingHasher implements PasswordHasher {
  readonly counts = { hash: 0, verify: 0, dummyVerify: 0 };

  constructor(private readonly inner: PasswordHasher) {}

  hash(password: string): Promise<string> {
    this.counts.hash += 1;
    return this.inner.hash(password);
  }

  verify(phc: string, password: string): Promise<boolean> {
    this.counts.verify += 1;
    return this.inner.verify(phc, password);
  }

  needsRehash(phc: string): boolean {
    return this.inner.needsRehash(phc);
  }

  dummyVerify(password: string): Promise<void> {
    this.counts.dummyVerify += 1;
    return this.inner.dummyVerify(password);
  }

  reset(): void {
    this.counts.hash = 0;
    this.counts.verify = 0;
    this.counts.dummyVerify = 0;
  }
}
