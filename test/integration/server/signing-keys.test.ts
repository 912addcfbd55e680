import Database from 'better-sqlite3';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Argon2PasswordHasher } from '../../../server/security/password-hasher';
import type { RunningServer, StartServerOptions } from '../../../server/start';
import { startServer } from '../../../server/start';
import { demo } from '../../support/server/demo-tenant';
import { cheapArgon2 } from '../../support/server/cheap-hasher';
import { get, postForm } from '../../support/server/http';
import { createTestClock, DAY } from '../../support/server/test-clock';

const SECRET = 'correct horse battery staple 42';
let passwordHasher: Argon2PasswordHasher;
const running: RunningServer[] = [];
const folders: string[] = [];

beforeAll(async () => {
  passwordHasher = await cheapArgon2();
});
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function dataFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'gatehouse-keys-test-'));
  folders.push(folder);
  return folder;
}

async function start(dataDir: string, options: Partial<StartServerOptions> = {}): Promise<RunningServer> {
  const server = await startServer({
    dataDir,
    port: 0,
    seed: 'demo',
    logger: false,
    passwordHasher,
    // A fixed issuer, so tokens from one run verify against the next run's JWKS.
    issuer: 'http://gatehouse.test/',
    ...options,
  });
  running.push(server);
  return server;
}

async function stop(server: RunningServer): Promise<void> {
  running.splice(running.indexOf(server), 1);
  await server.close();
}

async function aliceToken(server: RunningServer): Promise<string> {
  const response = await postForm(`${server.url}/oauth/token`, {
    grant_type: demo.grants.passwordRealm,
    client_id: demo.clients.desktop.clientId,
    username: demo.users.alice.email,
    password: demo.users.alice.password,
    realm: demo.realms.employees,
    scope: 'openid',
  });
  expect(response.status).toBe(200);
  return String(response.json['access_token']);
}

function storedPrivateKeys(dataDir: string): { kid: string; private_jwk: string; retired_at: number | null }[] {
  const db = new Database(join(dataDir, 'gatehouse.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT kid, private_jwk, retired_at FROM signing_keys ORDER BY created_at').all() as {
      kid: string;
      private_jwk: string;
      retired_at: number | null;
    }[];
  } finally {
    db.close();
  }
}

describe('key rotation', () => {
  it('signs with the new key at once and keeps the old public key published until its tokens expire', async () => {
    const dataDir = await dataFolder();
    const clock = createTestClock();
    const first = await start(dataDir, { clock: clock.now });
    const oldToken = await aliceToken(first);
    const oldKid = decodeProtectedHeader(oldToken).kid;
    await stop(first);

    const rotated = await start(dataDir, { clock: clock.now, rotateSigningKey: true });
    const newToken = await aliceToken(rotated);
    const newKid = decodeProtectedHeader(newToken).kid;
    expect(newKid).not.toBe(oldKid);

    const jwks = await get(`${rotated.url}/.well-known/jwks.json`);
    const kids = (jwks.json['keys'] as { kid: string }[]).map((key) => key.kid);
    expect(kids).toEqual(expect.arrayContaining([oldKid, newKid]));
    for (const key of jwks.json['keys'] as Record<string, unknown>[]) {
      expect(Object.keys(key).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    }

    // A standard client holding the old token still verifies it against the published set, and the
    // server still accepts it at /userinfo: nobody was signed out.
    const keySet = createRemoteJWKSet(new URL(`${rotated.url}/.well-known/jwks.json`));
    await expect(jwtVerify(oldToken, keySet, { issuer: rotated.issuer })).resolves.toBeDefined();
    const info = await fetch(`${rotated.url}/userinfo`, { headers: { authorization: `Bearer ${oldToken}` } });
    expect(info.status).toBe(200);
    expect(storedPrivateKeys(dataDir).map((key) => [key.kid, key.retired_at !== null])).toEqual([
      [oldKid, true],
      [newKid, false],
    ]);

    // 30 days on, every token the old key signed has expired, and it leaves the set.
    clock.advance(30 * DAY - 1_000);
    expect(((await get(`${rotated.url}/.well-known/jwks.json`)).json['keys'] as unknown[]).length).toBe(2);
    clock.advance(1_000);
    const later = await get(`${rotated.url}/.well-known/jwks.json`);
    expect((later.json['keys'] as { kid: string }[]).map((key) => key.kid)).toEqual([newKid]);
  });
});

describe('private keys at rest', () => {
  it('are sealed when a key-encryption secret is configured, and never published', async () => {
    const dataDir = await dataFolder();
    const server = await start(dataDir, { keyEncryptionSecret: SECRET });
    const token = await aliceToken(server);
    const stored = storedPrivateKeys(dataDir)[0]?.private_jwk ?? '';
    const envelope = JSON.parse(stored) as Record<string, unknown>;
    expect(Object.keys(envelope).sort()).toEqual(['ct', 'enc', 'iv', 'kdf', 'salt', 'tag']);
    expect(envelope['enc']).toBe('A256GCM');
    expect(stored).not.toMatch(/"d"|"p"|"q"|"dp"|"dq"|"qi"/);
    const jwks = await get(`${server.url}/.well-known/jwks.json`);
    expect(jwks.text).not.toMatch(/"d"|"p"|"q"/);
    await stop(server);

    // The same secret brings the same key back; tokens from before still verify.
    const again = await start(dataDir, { keyEncryptionSecret: SECRET });
    const keySet = createRemoteJWKSet(new URL(`${again.url}/.well-known/jwks.json`));
    await expect(jwtVerify(token, keySet, { issuer: again.issuer })).resolves.toBeDefined();
    expect(decodeProtectedHeader(await aliceToken(again)).kid).toBe(decodeProtectedHeader(token).kid);
  });

  it('refuses to start without the secret or with a wrong one, naming the problem but not the secret', async () => {
    const dataDir = await dataFolder();
    await stop(await start(dataDir, { keyEncryptionSecret: SECRET }));
    await expect(start(dataDir)).rejects.toThrow(/signing keys are encrypted: configure the key-encryption secret/);
    const wrong = start(dataDir, { keyEncryptionSecret: 'a different secret value' });
    await expect(wrong).rejects.toThrow(/cannot decrypt signing key .*: wrong key-encryption secret/);
    await expect(wrong).rejects.not.toThrow(/different secret/);
  });

  it('seals a key stored in the clear once a secret is configured', async () => {
    const dataDir = await dataFolder();
    const plain = await start(dataDir);
    const kid = decodeProtectedHeader(await aliceToken(plain)).kid;
    await stop(plain);
    expect(JSON.parse(storedPrivateKeys(dataDir)[0]?.private_jwk ?? '{}')).toHaveProperty('d');

    const sealed = await start(dataDir, { keyEncryptionSecret: SECRET });
    expect(storedPrivateKeys(dataDir)[0]?.private_jwk).not.toContain('"d"');
    expect(decodeProtectedHeader(await aliceToken(sealed)).kid).toBe(kid);
  });
});
