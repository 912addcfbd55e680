import { hash } from '@node-rs/argon2';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { Argon2PasswordHasher } from '../../../../server/security/password-hasher';

describe('Argon2PasswordHasher', () => {
  it('makes argon2id PHC strings with m=19456, t=2, p=1 that verify', async () => {
    const hasher = await Argon2PasswordHasher.create();
    const phc = await hasher.hash('correct horse');

    expect(phc).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await hasher.verify(phc, 'correct horse')).toBe(true);
    expect(await hasher.verify(phc, 'Correct horse')).toBe(false);
    expect(hasher.needsRehash(phc)).toBe(false);
  });

  it('asks for a rehash when any parameter differs, or when the hash is not argon2 at all', async () => {
    const hasher = await Argon2PasswordHasher.create();
    const weaker = await hash('pw', { memoryCost: 8192, timeCost: 2, parallelism: 1 });

    expect(hasher.needsRehash(weaker)).toBe(true);
    expect(hasher.needsRehash('$scrypt$ln=17,r=8,p=1$c2FsdA$aGFzaA')).toBe(true);
  });

  it('runs a dummy verify that matches nothing and takes real work', async () => {
    const hasher = await Argon2PasswordHasher.create();
    const started = performance.now();
    await hasher.dummyVerify('anything');
    expect(performance.now() - started).toBeGreaterThan(2);
  });

  it('runs as many argon2 computations at once as there are cores, unless told otherwise', async () => {
    expect((await Argon2PasswordHasher.create()).concurrency).toBe(availableParallelism());
    const single = await Argon2PasswordHasher.create(undefined, { concurrency: 1 });
    expect(single.concurrency).toBe(1);
    // Queued work still completes, in full: every verify gets its own answer.
    const phc = await single.hash('pw');
    const answers = await Promise.all(['pw', 'nope', 'pw'].map((password) => single.verify(phc, password)));
    expect(answers).toEqual([true, false, true]);
    await expect(Argon2PasswordHasher.create(undefined, { concurrency: 0 })).rejects.toThrow(RangeError);
  });
});
