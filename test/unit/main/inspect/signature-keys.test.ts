import { generateKeyPairSync, KeyObject, sign as cryptoSign, constants, type JsonWebKey } from 'node:crypto';
import type { JWK, JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerificationResult, type CheckId } from '../../../../common/ipc/inspect.contract';
import { inspectorAt, makeKey, profileFor, sign, startKeyServer, type KeyServer, type TestKey } from './key-server';

// The signature path picks the key from the cached, configured JWKS and checks it with node:crypto
// (main/inspect/signature-check.ts). These tests pin its refusals: each is a way to forge or confuse.

const now = Date.UTC(2031, 4, 1, 12, 0, 0);
const nowS = now / 1000;
let server: KeyServer;

beforeAll(async () => {
  server = await startKeyServer();
});
afterAll(() => server.close());

const claims = (extra: JWTPayload = {}): JWTPayload => ({
  iss: server.issuer,
  sub: 'auth0|alice',
  aud: 'inspector-app',
  iat: nowS - 60,
  exp: nowS + 600,
  ...extra,
});

async function verifyWith(published: ReadonlyArray<TestKey | JWK>, token: string): Promise<VerificationResult> {
  server.publish(published as TestKey[]);
  // A fresh inspector each time: its JWKS cache must not carry one test's set into the next.
  const result = await inspectorAt(now).verify(token, profileFor(server.issuer));
  if (!result.ok) throw new Error(result.error.message);
  return VerificationResult.parse(result.value);
}

const withoutAlg = (jwk: JWK): JWK => {
  const copy = { ...jwk };
  delete copy.alg;
  return copy;
};

const check = (result: VerificationResult, id: CheckId) => result.checks.find((c) => c.id === id);

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A JWS signed by hand with node:crypto, so a test can pair any header with any signature scheme (jose
 * refuses to sign a PKCS #1 signature under a PS256 header, or with a 1024-bit key).
 */
function signRaw(header: Record<string, unknown>, payload: JWTPayload, signer: (input: Buffer) => Buffer): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${signer(Buffer.from(input)).toString('base64url')}`;
}

const pkcs1 =
  (key: TestKey, hash = 'sha256') =>
  (input: Buffer) =>
    cryptoSign(hash, input, KeyObject.from(key.privateKey));
const pss =
  (key: TestKey, hash = 'sha256', saltLength = 32) =>
  (input: Buffer) =>
    cryptoSign(hash, input, {
      key: KeyObject.from(key.privateKey),
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength,
    });

describe('node:crypto signature path: every allowed algorithm', () => {
  it.each(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'])(
    'verifies %s with the key from the configured set, and refuses the same token once altered',
    async (alg) => {
      const key = await makeKey(alg, `key-${alg}`);
      const token = await sign(key, claims());
      const good = await verifyWith([key], token);
      expect(check(good, 'signature')?.status).toBe('pass');
      expect(good.valid).toBe(true);
      expect(good.key).toMatchObject({ kid: `key-${alg}`, alg });

      const [header, , signature] = token.split('.');
      const altered = await verifyWith([key], `${header}.${b64(claims({ sub: 'auth0|admin' }))}.${signature}`);
      expect(check(altered, 'signature')?.status).toBe('fail');
      expect(altered.valid).toBe(false);
    },
  );
});

describe('node:crypto signature path: forgeries refused', () => {
  it.each(['RS256', 'PS256', 'ES256', 'ES512'])(
    'refuses a %s token signed by another key that names a published kid',
    async (alg) => {
      const [published, impostor] = await Promise.all([makeKey(alg, 'shared-kid'), makeKey(alg, 'shared-kid')]);
      const result = await verifyWith([published], await sign(impostor, claims()));
      expect(check(result, 'key')?.status).toBe('pass');
      expect(check(result, 'signature')).toMatchObject({
        status: 'fail',
        message: expect.stringMatching(/does not match/),
      });
      expect(result.valid).toBe(false);
    },
  );

  it.each([
    ['RS256', 'cut short', (signature: Buffer) => signature.subarray(1)],
    ['RS256', 'padded', (signature: Buffer) => Buffer.concat([Buffer.alloc(1), signature])],
    ['ES256', 'cut short', (signature: Buffer) => signature.subarray(0, 63)],
    ['ES384', 'given the DER encoding’s length', (signature: Buffer) => Buffer.concat([signature, Buffer.alloc(8)])],
  ] as const)('refuses a %s signature %s, naming both lengths', async (alg, _how, change) => {
    const key = await makeKey(alg, `length-${alg}`);
    const [header, payload, signature] = (await sign(key, claims())).split('.');
    const changed = change(Buffer.from(signature ?? '', 'base64url'));
    const result = await verifyWith([key], `${header}.${payload}.${changed.toString('base64url')}`);
    expect(check(result, 'signature')).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(
        new RegExp(`${changed.length} bytes long.*${alg} signature by this key is \\d+ bytes`),
      ),
    });
    expect(result.valid).toBe(false);
  });

  it('refuses PS/RS confusion when the key is published without an alg', async () => {
    const rsa = await makeKey('RS256', 'no-alg');
    const unpinned = withoutAlg(rsa.publicJwk);
    // A PKCS #1 v1.5 signature presented as PS256, and a PSS signature presented as RS256.
    const pkcs1AsPss = signRaw({ alg: 'PS256', kid: 'no-alg' }, claims(), pkcs1(rsa));
    const pssAsPkcs1 = signRaw({ alg: 'RS256', kid: 'no-alg' }, claims(), pss(rsa));
    for (const token of [pkcs1AsPss, pssAsPkcs1]) {
      const result = await verifyWith([unpinned], token);
      expect(check(result, 'signature')?.status).toBe('fail');
      expect(result.valid).toBe(false);
    }
    // The control: the same key, each scheme under its own name, verifies.
    const honest = await verifyWith([unpinned], signRaw({ alg: 'PS256', kid: 'no-alg' }, claims(), pss(rsa)));
    expect(honest.valid).toBe(true);
  });

  it('refuses a PS256 token for a key the issuer pinned to RS256, before any signature check', async () => {
    const rsa = await makeKey('RS256', 'pinned-rs');
    const token = signRaw({ alg: 'PS256', kid: 'pinned-rs' }, claims(), pss(rsa));
    const result = await verifyWith([rsa], token);
    expect(check(result, 'key')).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/“pinned-rs” is in the issuer’s key set.*published for RS256 only.*PS256/),
    });
    expect(check(result, 'signature')?.message).toMatch(/^Not checked/);
    expect(result.key).toBeNull();
  });

  it('refuses a PSS signature whose salt is not as long as the hash (RFC 7518 §3.5)', async () => {
    const rsa = await makeKey('PS256', 'salty');
    const result = await verifyWith([rsa], signRaw({ alg: 'PS256', kid: 'salty' }, claims(), pss(rsa, 'sha256', 20)));
    expect(check(result, 'signature')?.status).toBe('fail');
  });

  it('refuses a token whose crit header names an extension (RFC 7515 §4.1.11)', async () => {
    const rsa = await makeKey('RS256', 'crit-key');
    // jose will not sign this header, which is the point: no verifier should accept it either.
    const token = signRaw({ alg: 'RS256', kid: 'crit-key', crit: ['exp'], exp: nowS + 600 }, claims(), pkcs1(rsa));
    const result = await verifyWith([rsa], token);
    expect(check(result, 'signature')).toMatchObject({ status: 'fail', message: expect.stringMatching(/crit/) });
    expect(result.valid).toBe(false);
  });
});

describe('node:crypto signature path: a published key must fit the header', () => {
  let rsa: TestKey;
  let ec: TestKey;
  beforeAll(async () => {
    [rsa, ec] = await Promise.all([makeKey('RS256', 'fit-rsa'), makeKey('ES256', 'fit-ec')]);
  });

  it.each([
    ['kty', () => ({ ...rsa.publicJwk, kid: 'fit-ec' }), 'ES256', /is an RSA key, and ES256 needs an EC key/],
    ['use', () => ({ ...rsa.publicJwk, use: 'enc' }), 'RS256', /published for “enc”, not for signatures/],
    ['key_ops', () => ({ ...rsa.publicJwk, key_ops: ['encrypt'] }), 'RS256', /without the “verify” operation/],
    ['alg', () => ({ ...rsa.publicJwk, alg: 'RS384' }), 'RS256', /published for RS384 only, and the token says RS256/],
  ] as const)('refuses the key when its %s does not match', async (_member, jwk, alg, reason) => {
    const kid = String(jwk().kid);
    // Signed with the matching private key, so only the key's published metadata can refuse it.
    const signer = alg === 'ES256' ? ec : rsa;
    const token = await sign(signer, claims(), { kid });
    const result = await verifyWith([jwk() as JWK], token);
    expect(check(result, 'key')).toMatchObject({ status: 'fail', message: expect.stringMatching(reason) });
    expect(check(result, 'signature')?.message).toMatch(/^Not checked/);
    expect(result.valid).toBe(false);
  });

  it('refuses an EC key on another curve than the algorithm’s', async () => {
    const p256 = withoutAlg(ec.publicJwk);
    const token = signRaw({ alg: 'ES384', kid: 'fit-ec' }, claims(), () => Buffer.alloc(96, 1));
    const result = await verifyWith([p256], token);
    expect(check(result, 'key')?.message).toMatch(/curve prime256v1, and ES384 needs P-384/);
  });

  it('refuses an RSA key shorter than 2048 bits', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const jwk: JsonWebKey = { ...publicKey.export({ format: 'jwk' }), kid: 'short', use: 'sig' };
    const token = signRaw({ alg: 'RS256', kid: 'short' }, claims(), (input) => cryptoSign('sha256', input, privateKey));
    const result = await verifyWith([jwk as JWK], token);
    expect(check(result, 'key')?.message).toMatch(/1024-bit RSA key; RS256 needs at least 2048 bits/);
    expect(result.valid).toBe(false);
  });

  it('keeps using the issuer’s good keys when another key in the set is unreadable', async () => {
    const broken = { kty: 'RSA', kid: 'broken' }; // no modulus, no exponent
    const good = await verifyWith([broken as JWK, rsa], await sign(rsa, claims()));
    expect(good.valid).toBe(true);
    const named = await verifyWith([broken as JWK, rsa], await sign(rsa, claims(), { kid: 'broken' }));
    expect(check(named, 'key')).toMatchObject({ status: 'fail', message: expect.stringMatching(/cannot be used/) });
  });
});
