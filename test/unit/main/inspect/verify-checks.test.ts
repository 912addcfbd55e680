import { exportSPKI, jwtVerify, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerificationResult, type CheckId } from '../../../../common/ipc/inspect.contract';
import { inspectorAt, makeKey, profileFor, sign, startKeyServer, type KeyServer, type TestKey } from './key-server';

const now = Date.UTC(2031, 4, 1, 12, 0, 0);
const nowS = now / 1000;
let server: KeyServer;
let rsa: TestKey;
let attacker: TestKey;

beforeAll(async () => {
  [rsa, attacker] = await Promise.all([makeKey('RS256'), makeKey('RS256', 'attacker-key')]);
  server = await startKeyServer([rsa]);
});
afterAll(() => server.close());

const claims = (extra: JWTPayload = {}): JWTPayload => ({
  iss: server.issuer,
  sub: 'auth0|alice',
  aud: ['https://api.example.test/', `${server.issuer}userinfo`],
  azp: 'inspector-app',
  iat: nowS - 60,
  exp: nowS + 600,
  scope: 'openid read:reports',
  ...extra,
});

async function verify(token: string, options: Parameters<ReturnType<typeof inspectorAt>['verify']>[2] = {}) {
  const result = await inspectorAt(now).verify(token, profileFor(server.issuer), options);
  if (!result.ok) throw new Error(result.error.message);
  // Everything the window would receive must fit the contract.
  return VerificationResult.parse(result.value);
}

const statusOf = (result: VerificationResult, id: CheckId) => result.checks.find((check) => check.id === id)?.status;
const messageOf = (result: VerificationResult, id: CheckId) => result.checks.find((check) => check.id === id)?.message;

describe('Inspector.verify: a good token', () => {
  it('passes every check for an RS256 token signed with a key from the configured JWKS', async () => {
    const result = await verify(await sign(rsa, claims()));
    expect(result.valid).toBe(true);
    expect(result.checks.map((check) => [check.id, check.status])).toEqual([
      ['format', 'pass'],
      ['algorithm', 'pass'],
      ['header', 'pass'],
      ['key', 'pass'],
      ['signature', 'pass'],
      ['issuer', 'pass'],
      ['audience', 'pass'],
      ['authorizedParty', 'pass'],
      ['expiry', 'pass'],
      ['notBefore', 'pass'],
      ['issuedAt', 'pass'],
    ]);
    expect(result.key).toEqual({ kid: rsa.kid, alg: 'RS256', keySetUrl: server.jwksUrl, refetched: false });
    expect(messageOf(result, 'expiry')).toContain('in 10 minutes');
    expect(result.clockWarning).toBeNull();
  });

  it.each(['PS256', 'ES256', 'RS512', 'ES384'])('accepts %s from the allow-list', async (alg) => {
    const key = await makeKey(alg);
    server.publish([rsa, key]);
    try {
      const result = await verify(await sign(key, claims()));
      expect(statusOf(result, 'algorithm')).toBe('pass');
      expect(statusOf(result, 'signature')).toBe('pass');
      expect(result.valid).toBe(true);
    } finally {
      server.publish([rsa]);
    }
  });

  it('finds the key without a kid when several keys fit (mid-rotation)', async () => {
    const second = await makeKey('RS256');
    server.publish([rsa, second]);
    try {
      const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256' }).sign(second.privateKey);
      const result = await verify(token);
      expect(result.valid).toBe(true);
      expect(result.key?.kid).toBeNull();
    } finally {
      server.publish([rsa]);
    }
  });
});

describe('Inspector.verify: refusals', () => {
  it('refuses alg "none" without looking for a key', async () => {
    const before = server.jwksRequests();
    const result = await verify(new UnsecuredJWT(claims()).encode());
    expect(result.valid).toBe(false);
    expect(statusOf(result, 'algorithm')).toBe('fail');
    expect(messageOf(result, 'algorithm')).toMatch(/not signed/);
    expect(statusOf(result, 'signature')).toBe('fail');
    expect(result.decoded.hasSignature).toBe(false);
    expect(server.jwksRequests()).toBe(before);
  });

  it('refuses an HS256 token whose HMAC secret is the issuer’s RSA public key (algorithm confusion)', async () => {
    const publicPem = await exportSPKI(rsa.publicKey);
    const secret = new TextEncoder().encode(publicPem);
    const forged = await new SignJWT(claims({ sub: 'auth0|admin' }))
      .setProtectedHeader({ alg: 'HS256', kid: rsa.kid })
      .sign(secret);
    // The forgery is real: a verifier that let the token choose HS256 with the public key would accept it.
    await expect(jwtVerify(forged, secret)).resolves.toBeDefined();

    const result = await verify(forged);
    expect(result.valid).toBe(false);
    expect(statusOf(result, 'algorithm')).toBe('fail');
    expect(messageOf(result, 'algorithm')).toMatch(/shared-secret algorithm.*Refused/);
    expect(messageOf(result, 'signature')).toMatch(/Not checked/);
  });

  it('refuses a token whose kid is not in the issuer’s key set', async () => {
    const result = await verify(await sign(attacker, claims()));
    expect(result.valid).toBe(false);
    expect(statusOf(result, 'key')).toBe('fail');
    expect(messageOf(result, 'key')).toContain('“attacker-key” is not in the issuer’s key set');
    expect(result.key).toBeNull();
  });

  it('refuses a token with a real kid that another key signed', async () => {
    const result = await verify(await sign(attacker, claims(), { kid: rsa.kid }));
    expect(statusOf(result, 'key')).toBe('pass');
    expect(statusOf(result, 'signature')).toBe('fail');
    expect(messageOf(result, 'signature')).toMatch(/does not match/);
    expect(result.valid).toBe(false);
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await sign(rsa, claims())).split('.');
    const payload = Buffer.from(JSON.stringify(claims({ scope: 'openid admin' }))).toString('base64url');
    const result = await verify(`${header}.${payload}.${signature}`);
    expect(statusOf(result, 'signature')).toBe('fail');
    expect(result.valid).toBe(false);
  });

  describe('never follows a key the token names itself', () => {
    let evil: KeyServer;
    beforeAll(async () => {
      evil = await startKeyServer([attacker]);
    });
    afterAll(() => evil.close());

    it.each([
      ['jku', () => ({ jku: evil.jwksUrl })],
      ['x5u', () => ({ x5u: `${evil.issuer}cert.pem` })],
      ['jwk', () => ({ jwk: attacker.publicJwk })],
    ] as const)('ignores a %s header and checks against the configured set only', async (name, header) => {
      const result = await verify(await sign(attacker, claims(), header()));
      expect(result.valid).toBe(false);
      expect(statusOf(result, 'header')).toBe('warn');
      expect(messageOf(result, 'header')).toContain(name);
      expect(messageOf(result, 'header')).toMatch(/ignored it/);
      expect(statusOf(result, 'key')).toBe('fail');
      expect(evil.requests).toHaveLength(0);
    });
  });
});

describe('Inspector.verify: claim checks', () => {
  it('fails a token from another issuer, and accepts the issuer without its trailing slash', async () => {
    const foreign = await verify(await sign(rsa, claims({ iss: 'https://evil.example/' })));
    expect(statusOf(foreign, 'issuer')).toBe('fail');
    expect(messageOf(foreign, 'issuer')).toContain('https://evil.example/');
    expect(foreign.valid).toBe(false);
    const noSlash = await verify(await sign(rsa, claims({ iss: server.issuer.replace(/\/$/, '') })));
    expect(statusOf(noSlash, 'issuer')).toBe('pass');
  });

  it('fails a token meant for another audience unless that audience is expected', async () => {
    const token = await sign(rsa, claims({ aud: 'https://other-api.example/' }));
    const result = await verify(token);
    expect(statusOf(result, 'audience')).toBe('fail');
    expect(messageOf(result, 'audience')).toContain('https://other-api.example/');
    const expected = await verify(token, { expectedAudience: 'https://other-api.example/' });
    expect(statusOf(expected, 'audience')).toBe('pass');
    const missing = await verify(await sign(rsa, claims({ aud: undefined })));
    expect(statusOf(missing, 'audience')).toBe('fail');
  });

  it('fails a token issued to another app (azp), and reads RFC 9068’s client_id the same way', async () => {
    const other = await verify(await sign(rsa, claims({ azp: 'someone-else' })));
    expect(statusOf(other, 'authorizedParty')).toBe('fail');
    expect(messageOf(other, 'authorizedParty')).toContain('someone-else');
    const rfc9068 = await verify(await sign(rsa, claims({ azp: undefined, client_id: 'inspector-app' })));
    expect(statusOf(rfc9068, 'authorizedParty')).toBe('pass');
    const several = await verify(await sign(rsa, claims({ azp: undefined })));
    expect(statusOf(several, 'authorizedParty')).toBe('warn');
  });

  it('fails an expired token beyond the skew, warns within it, and honours a configured skew', async () => {
    const expired = await sign(rsa, claims({ iat: nowS - 3600, exp: nowS - 30 }));
    const withinDefault = await verify(expired);
    expect(statusOf(withinDefault, 'expiry')).toBe('warn');
    expect(withinDefault.valid).toBe(true);
    const strict = await verify(expired, { skewSeconds: 0 });
    expect(statusOf(strict, 'expiry')).toBe('fail');
    expect(messageOf(strict, 'expiry')).toContain('30 seconds ago');
    expect(strict.valid).toBe(false);
    const long = await verify(await sign(rsa, claims({ exp: nowS - 7200 })));
    expect(messageOf(long, 'expiry')).toMatch(/^Expired 2 hours ago/);
  });

  it('fails a token that is not valid yet (nbf in the future) and warns within the skew', async () => {
    const future = await verify(await sign(rsa, claims({ nbf: nowS + 300 })));
    expect(statusOf(future, 'notBefore')).toBe('fail');
    expect(messageOf(future, 'notBefore')).toContain('in 5 minutes');
    expect(future.valid).toBe(false);
    const soon = await verify(await sign(rsa, claims({ nbf: nowS + 20 })));
    expect(statusOf(soon, 'notBefore')).toBe('warn');
  });

  it('warns about the desktop clock when iat is in the future beyond the skew', async () => {
    const result = await verify(await sign(rsa, claims({ iat: nowS + 900, exp: nowS + 4500 })));
    expect(statusOf(result, 'issuedAt')).toBe('warn');
    expect(result.clockWarning).toMatch(/15 minutes in the future.*clock is probably behind/);
    const slight = await verify(await sign(rsa, claims({ iat: nowS + 30 })));
    expect(slight.clockWarning).toBeNull();
  });

  it('warns about a token that never expires', async () => {
    const result = await verify(await sign(rsa, claims({ exp: undefined })));
    expect(statusOf(result, 'expiry')).toBe('warn');
    expect(messageOf(result, 'expiry')).toMatch(/never expires/);
  });

  it('reports an unreachable key set as a failed key check in plain words', async () => {
    const gone = await startKeyServer();
    const issuer = gone.issuer;
    await gone.close();
    const result = await inspectorAt(now).verify(await sign(rsa, claims({ iss: issuer })), profileFor(issuer));
    expect(result.ok && result.value.valid).toBe(false);
    const key = result.ok ? result.value.checks.find((check) => check.id === 'key') : undefined;
    expect(key?.status).toBe('fail');
    expect(key?.message).toMatch(/Could not reach 127\.0\.0\.1/);
  });
});
