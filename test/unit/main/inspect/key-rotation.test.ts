import type { JWTPayload } from 'jose';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KeySetCache } from '../../../../main/inspect/key-set-cache';
import { inspectorAt, makeKey, profileFor, sign, startKeyServer, type KeyServer, type TestKey } from './key-server';

const now = Date.UTC(2031, 4, 1, 12, 0, 0);
let server: KeyServer;
let oldKey: TestKey;
let newKey: TestKey;
let stranger: TestKey;

// Keys are made once (RSA generation is the slow part); each test gets its own server and request count.
beforeAll(async () => {
  [oldKey, newKey, stranger] = await Promise.all([
    makeKey('RS256', 'key-2031-04'),
    makeKey('RS256', 'key-2031-05'),
    makeKey('RS256', 'never-published'),
  ]);
});
beforeEach(async () => {
  server = await startKeyServer([oldKey]);
});
afterEach(() => server.close());

const claims = (): JWTPayload => ({
  iss: server.issuer,
  sub: 'auth0|alice',
  aud: 'inspector-app',
  iat: now / 1000 - 10,
  exp: now / 1000 + 600,
});

describe('the cached JWKS and key rotation', () => {
  it('fetches the set once and reuses it for later tokens', async () => {
    const inspector = inspectorAt(now);
    const profile = profileFor(server.issuer);
    for (let i = 0; i < 3; i += 1) {
      const result = await inspector.verify(await sign(oldKey, claims()), profile);
      expect(result.ok && result.value.valid).toBe(true);
    }
    expect(server.jwksRequests()).toBe(1);
  });

  it('re-fetches once when a token names a kid the cached set lacks, and then verifies it', async () => {
    const inspector = inspectorAt(now);
    const profile = profileFor(server.issuer);
    await inspector.verify(await sign(oldKey, claims()), profile);
    server.publish([oldKey, newKey]);

    const result = await inspector.verify(await sign(newKey, claims()), profile);
    expect(result.ok && result.value.valid).toBe(true);
    expect(result.ok && result.value.key).toMatchObject({ kid: 'key-2031-05', refetched: true });
    expect(server.jwksRequests()).toBe(2);
    // The fresh set is cached: the old key still works without another request.
    await inspector.verify(await sign(oldKey, claims()), profile);
    expect(server.jwksRequests()).toBe(2);
  });

  it('re-fetches exactly once for an unknown kid, then reports it', async () => {
    const inspector = inspectorAt(now);
    const profile = profileFor(server.issuer);
    await inspector.verify(await sign(oldKey, claims()), profile);

    const result = await inspector.verify(await sign(stranger, claims()), profile);
    expect(result.ok && result.value.valid).toBe(false);
    const key = result.ok ? result.value.checks.find((check) => check.id === 'key') : undefined;
    expect(key?.status).toBe('fail');
    expect(key?.message).toMatch(/even after fetching the set again/);
    expect(server.jwksRequests()).toBe(2);
  });

  it('does not fetch twice when the very first token has an unknown kid', async () => {
    const result = await inspectorAt(now).verify(await sign(stranger, claims()), profileFor(server.issuer));
    expect(result.ok && result.value.valid).toBe(false);
    expect(server.jwksRequests()).toBe(1);
  });

  it('shares one fetch among concurrent verifications', async () => {
    const inspector = inspectorAt(now);
    const profile = profileFor(server.issuer);
    const token = await sign(oldKey, claims());
    const results = await Promise.all(Array.from({ length: 10 }, () => inspector.verify(token, profile)));
    expect(results.every((result) => result.ok && result.value.valid)).toBe(true);
    expect(server.jwksRequests()).toBe(1);
  });

  it('fetches the set again once it is older than its maximum age', async () => {
    let clock = now;
    const keySets = new KeySetCache({ maxAgeMs: 60_000, clock: () => clock });
    const inspector = inspectorAt(now, { keySets });
    const profile = profileFor(server.issuer);
    const token = await sign(oldKey, claims());
    await inspector.verify(token, profile);
    clock += 59_000;
    await inspector.verify(token, profile);
    expect(server.jwksRequests()).toBe(1);
    clock += 2_000;
    await inspector.verify(token, profile);
    expect(server.jwksRequests()).toBe(2);
  });
});
