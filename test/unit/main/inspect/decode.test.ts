import { EncryptJWT, UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { DecodedToken, DecodeInput } from '../../../../common/ipc/inspect.contract';
import { relativeWords } from '../../../../main/inspect/readable-time';
import { inspectorAt, makeKey, sign, type TestKey } from './key-server';

const now = Date.UTC(2031, 4, 1, 12, 0, 0);
const nowS = now / 1000;
let key: TestKey;

beforeAll(async () => {
  key = await makeKey('RS256', 'decode-key');
});

const decode = (token: string) => DecodedToken.parse(inspectorAt(now).decode(token));

describe('Inspector.decode', () => {
  it('shows header, claims and signature presence, but never the signature or the token', async () => {
    const token = await sign(key, {
      iss: 'https://tenant.example/',
      sub: 'auth0|alice',
      aud: 'gatehouse-desktop',
      iat: nowS - 120,
      exp: nowS + 3600,
      email: 'alice@example.com',
      'https://gatehouse.test/roles': ['support'],
      favourite_colour: 'green',
    });
    const decoded = decode(token);
    expect(decoded.format).toBe('jws');
    expect(decoded.header).toEqual({ alg: 'RS256', kid: 'decode-key', typ: 'JWT' });
    expect(decoded.claims?.sub).toBe('auth0|alice');
    expect(decoded.hasSignature).toBe(true);
    expect(decoded.signatureByteLength).toBe(256);
    expect(decoded.likelyKind).toBe('id');
    expect(decoded.summary).toMatch(/signed JWT \(RS256\), probably an ID token, with 8 claims/);
    const serialized = JSON.stringify(decoded);
    expect(serialized).not.toContain(token.split('.')[2]);
    expect(serialized).not.toContain(token);
  });

  it('explains every claim in plain words with readable times and a countdown', async () => {
    const token = await sign(key, {
      iss: 'https://tenant.example/',
      exp: nowS + 600,
      iat: nowS - 7200,
      updated_at: '2031-04-30T12:00:00.000Z',
      'https://gatehouse.test/roles': ['support'],
      favourite_colour: 'green',
    });
    const explained = Object.fromEntries(decode(token).explained.map((claim) => [claim.name, claim]));
    expect(explained.iss?.meaning).toMatch(/^Issuer/);
    expect(explained.iss?.source).toBe('jwt');
    expect(explained.exp?.time).toEqual({
      epochSeconds: nowS + 600,
      iso: '2031-05-01T12:10:00.000Z',
      relative: 'in 10 minutes',
    });
    expect(explained.iat?.time?.relative).toBe('2 hours ago');
    expect(explained.updated_at?.time?.relative).toBe('1 day ago');
    expect(explained['https://gatehouse.test/roles']?.source).toBe('custom');
    expect(explained.favourite_colour).toMatchObject({
      source: 'unknown',
      meaning: expect.stringMatching(/Not a registered claim/),
    });
    expect(decode(token).expiry).toEqual({ expiresAt: (nowS + 600) * 1000, secondsUntilExpiry: 600, isExpired: false });
  });

  it('labels access tokens by their scope', async () => {
    const decoded = decode(await sign(key, { scope: 'openid read:reports', gty: 'password', exp: nowS - 5 }));
    expect(decoded.likelyKind).toBe('access');
    expect(decoded.expiry?.isExpired).toBe(true);
  });

  it('says an opaque token is opaque', () => {
    const decoded = decode('v2.local.Zm9vYmFy-not-a-jwt');
    expect(decoded.format).toBe('opaque');
    expect(decoded.claims).toBeNull();
    expect(decoded.hasSignature).toBe(false);
    expect(decoded.notes[0]).toMatch(/opaque token, not a JWT/);
    expect(decode('aaaa.bbbb.cccc').notes.join(' ')).toMatch(/not a readable JWT header/);
  });

  it('says an encrypted JWT (JWE) cannot be read, showing only its header', async () => {
    const jwe = await new EncryptJWT({ sub: 'secret-subject-42' })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .encrypt(new Uint8Array(32).fill(7));
    const decoded = decode(jwe);
    expect(decoded.format).toBe('jwe');
    expect(decoded.header).toEqual({ alg: 'dir', enc: 'A256GCM' });
    expect(decoded.claims).toBeNull();
    expect(JSON.stringify(decoded)).not.toContain('secret-subject-42');
  });

  it('notes a token without a signature', () => {
    const decoded = decode(new UnsecuredJWT({ sub: 'x' }).encode());
    expect(decoded.hasSignature).toBe(false);
    expect(decoded.notes).toContain('It has no signature: anyone could have written it.');
  });

  it('accepts a pasted token with whitespace and a Bearer prefix, and refuses an empty or huge paste', async () => {
    const token = await sign(key, { sub: 'x' });
    expect(DecodeInput.parse({ token: `  Bearer ${token}\n` }).token).toBe(token);
    expect(DecodeInput.safeParse({ token: '   ' }).success).toBe(false);
    expect(DecodeInput.safeParse({ token: 'a'.repeat(20_000) }).success).toBe(false);
    expect(DecodeInput.safeParse({ token: { source: 'session', which: 'refresh' } }).success).toBe(false);
  });
});

describe('relative time words', () => {
  it.each([
    [0, 'in 0 seconds'],
    [45, 'in 45 seconds'],
    [-90, '1 minute ago'],
    [-7200, '2 hours ago'],
    [3 * 86_400, 'in 3 days'],
  ])('%i seconds reads “%s”', (delta, words) => {
    expect(relativeWords(delta)).toBe(words);
  });
});
