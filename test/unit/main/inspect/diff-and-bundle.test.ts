import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupportBundle, TokenDiff } from '../../../../common/ipc/inspect.contract';
import { inspectorAt, makeKey, profileFor, sign, startKeyServer, type KeyServer, type TestKey } from './key-server';

const now = Date.UTC(2031, 4, 1, 12, 0, 0);
const nowS = now / 1000;
let server: KeyServer;
let key: TestKey;
let rotated: TestKey;

beforeAll(async () => {
  [key, rotated] = await Promise.all([makeKey('RS256', 'key-a'), makeKey('RS256', 'key-b')]);
  server = await startKeyServer([key, rotated]);
});
afterAll(() => server.close());

describe('Inspector.diff', () => {
  it('lists added, removed and changed claims, then header changes', async () => {
    const before = await sign(key, { sub: 'auth0|alice', scope: 'openid', exp: nowS, old_claim: 1, roles: ['a', 'b'] });
    const after = await sign(rotated, {
      sub: 'auth0|alice',
      scope: 'openid email',
      exp: nowS + 60,
      roles: ['a', 'b'],
      org_id: 'org_1',
    });
    const result = inspectorAt(now).diff(before, after);
    expect(result.ok).toBe(true);
    const diff = TokenDiff.parse(result.ok ? result.value : null);
    expect(diff.changes.map(({ part, name, change }) => `${part}.${name} ${change}`)).toEqual([
      'claims.scope changed',
      'claims.exp changed',
      'claims.old_claim removed',
      'claims.org_id added',
      'header.kid changed',
    ]);
    expect(diff.changes[0]).toMatchObject({
      before: 'openid',
      after: 'openid email',
      meaning: expect.stringMatching(/^Scope/),
    });
    expect(diff.changes[4]?.meaning).toMatch(/keys rotated/);
    expect(diff.unchanged).toEqual(['sub', 'roles']);
  });

  it('treats objects with the same members in another order as unchanged', async () => {
    const a = await sign(key, { ctx: { x: 1, y: [1, 2] } });
    const b = await sign(key, { ctx: { y: [1, 2], x: 1 } });
    const result = inspectorAt(now).diff(a, b);
    expect(result.ok && result.value.changes).toEqual([]);
  });

  it('refuses to compare an opaque token', async () => {
    const result = inspectorAt(now).diff('opaque-token-value', await sign(key, { sub: 'x' }));
    expect(result.ok ? null : result.error.code).toBe('invalid_input');
  });
});

describe('Inspector.supportBundle', () => {
  const subject = 'auth0|64f1c0ffee';
  const email = 'Alice.Smith@Example.com';
  const idClaims = () => ({
    iss: server.issuer,
    sub: subject,
    aud: 'inspector-app',
    iat: nowS - 10,
    exp: nowS + 600,
    email,
    name: `Alice Smith <${email}>`,
    nickname: 'alice',
  });
  const accessClaims = () => ({
    iss: server.issuer,
    sub: subject,
    aud: ['https://api.example.test/', `${server.issuer}userinfo`],
    azp: 'inspector-app',
    iat: nowS - 10,
    exp: nowS + 600,
    scope: 'openid read:reports',
    'https://gatehouse.test/contacts': [{ mail: 'bob@example.org' }],
    act: { sub: 'auth0|support-agent' },
  });

  async function bundle(tokens: string[]): Promise<SupportBundle> {
    const result = await inspectorAt(now).supportBundle(tokens, profileFor(server.issuer));
    if (!result.ok) throw new Error(result.error.message);
    return SupportBundle.parse(result.value);
  }

  it('drops every signature and hashes every sub and e-mail address, keeping the rest', async () => {
    const idToken = await sign(key, idClaims());
    const accessToken = await sign(key, accessClaims());
    const result = await bundle([idToken, accessToken]);
    const text = JSON.stringify(result);

    for (const token of [idToken, accessToken]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(token.split('.')[2]);
    }
    for (const raw of [subject, email, email.toLowerCase(), 'bob@example.org', 'auth0|support-agent']) {
      expect(text).not.toContain(raw);
    }
    expect(text).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}/);

    const [id, access] = result.tokens;
    expect(id?.claims).toMatchObject({ iss: server.issuer, aud: 'inspector-app', nickname: 'alice', iat: nowS - 10 });
    expect(id?.claims?.sub).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(id?.claims?.name).toMatch(/^Alice Smith <sha256:[0-9a-f]{16}>$/);
    expect(id?.header).toEqual({ alg: 'RS256', kid: 'key-a', typ: 'JWT' });
    expect(id?.hashedPaths).toEqual(['claims.sub', 'claims.email', 'claims.name']);
    expect(access?.hashedPaths).toEqual([
      'claims.sub',
      'claims.https://gatehouse.test/contacts[0].mail',
      'claims.act.sub',
    ]);
    expect(access?.claims?.scope).toBe('openid read:reports');
    // Within one bundle, the same user hashes the same, so support can tell both tokens are about one person.
    expect(access?.claims?.sub).toBe(id?.claims?.sub);
    expect(id?.checks.find((check) => check.id === 'signature')?.status).toBe('pass');
    expect(result.redaction).toMatch(/signature was removed/);
    expect(result.profile).toEqual({
      name: 'Unit test issuer',
      kind: 'auth0',
      issuer: server.issuer,
      clientId: 'inspector-app',
      audience: 'https://api.example.test/',
    });
  });

  it('salts each bundle differently, so two bundles cannot be matched', async () => {
    const token = await sign(key, idClaims());
    const [first, second] = await Promise.all([bundle([token]), bundle([token])]);
    expect(first.tokens[0]?.claims?.sub).not.toBe(second.tokens[0]?.claims?.sub);
  });

  it('describes an opaque token without copying it', async () => {
    const opaque = 'opaque-credential-5f2b9c';
    const result = await bundle([opaque]);
    expect(result.tokens[0]).toMatchObject({ format: 'opaque', header: null, claims: null });
    expect(JSON.stringify(result)).not.toContain(opaque);
  });
});
