import { hash } from '@node-rs/argon2';
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../server/storage/database';
import type { RunningServer } from '../../../server/start';
import { startServer } from '../../../server/start';
import { demo } from '../../support/server/demo-tenant';
import { get, postForm } from '../../support/server/http';

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-persistence-test-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

function start(): Promise<RunningServer> {
  return startServer({ dataDir, host: '127.0.0.1', port: 0, seed: 'demo', logger: false });
}

function loginAs(server: RunningServer, user: { email: string; password: string; realm: string }, extra = {}) {
  return postForm(`${server.url}/oauth/token`, {
    grant_type: demo.grants.passwordRealm,
    client_id: demo.clients.desktop.clientId,
    username: user.email,
    password: user.password,
    realm: user.realm,
    scope: 'openid offline_access',
    ...extra,
  });
}

/** A second connection to the server's database, as an operator's sqlite3 shell would be (WAL allows it). */
function withDatabase<T>(work: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, DATABASE_FILE_NAME));
  try {
    return work(db);
  } finally {
    db.close();
  }
}

describe('data survives a restart', () => {
  it('keeps the signing key, the tenant and refresh tokens, and does not seed twice', async () => {
    const first = await start();
    const kid = ((await get(`${first.url}/.well-known/jwks.json`)).json['keys'] as { kid: string }[])[0]?.kid;
    const refreshToken = String((await loginAs(first, demo.users.alice)).json['refresh_token']);
    await first.close();

    const second = await start();
    try {
      const keys = (await get(`${second.url}/.well-known/jwks.json`)).json['keys'] as { kid: string }[];
      expect(keys.map((key) => key.kid)).toEqual([kid]);

      const refreshed = await postForm(`${second.url}/oauth/token`, {
        grant_type: demo.grants.refreshToken,
        client_id: demo.clients.desktop.clientId,
        refresh_token: refreshToken,
      });
      expect(refreshed.status).toBe(200);

      const counts = withDatabase((db) => ({
        users: (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n,
        clients: (db.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n,
      }));
      expect(counts).toEqual({ users: 5, clients: 3 });
    } finally {
      await second.close();
    }
  });

  it('stores only hashes of passwords, client secrets and refresh tokens', async () => {
    const server = await start();
    let refreshToken: string;
    try {
      refreshToken = String((await loginAs(server, demo.users.bob)).json['refresh_token']);
    } finally {
      await server.close();
    }
    withDatabase((db) => {
      const dump = JSON.stringify([
        db.prepare('SELECT * FROM users').all(),
        db.prepare('SELECT * FROM clients').all(),
        db.prepare('SELECT * FROM refresh_tokens').all(),
      ]);
      expect(dump).not.toContain(demo.users.bob.password);
      expect(dump).not.toContain(demo.clients.backend.secret);
      expect(dump).not.toContain(refreshToken);
      const bob = db.prepare('SELECT password_hash FROM users WHERE email = ?').get(demo.users.bob.email) as {
        password_hash: string;
      };
      expect(bob.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    });
  });
});

describe('user state', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(() => server.close());

  it('records logins_count, last_login and last_ip on a successful login', async () => {
    const read = () =>
      withDatabase(
        (db) =>
          db
            .prepare('SELECT logins_count, last_login, last_ip FROM users WHERE email = ?')
            .get(demo.users.support.email) as { logins_count: number; last_login: number | null; last_ip: string },
      );
    const before = read();
    expect((await loginAs(server, demo.users.support)).status).toBe(200);
    const after = read();

    expect(after.logins_count).toBe(before.logins_count + 1);
    expect(after.last_login).toBeGreaterThan(Date.now() - 60_000);
    expect(after.last_ip).toBe('127.0.0.1');
  });

  it('re-hashes a password stored with older argon2 parameters at the next login', async () => {
    const mfa = demo.users.mfa;
    const weak = await hash(mfa.password, { memoryCost: 4096, timeCost: 1, parallelism: 1 });
    withDatabase((db) => db.prepare('UPDATE users SET password_hash = ? WHERE email = ?').run(weak, mfa.email));

    // mfa@example.com has TOTP enrolled (issue #4): a right password gets as far as mfa_required.
    const passwordAccepted = async () => (await loginAs(server, mfa)).json['error'] === 'mfa_required';
    expect(await passwordAccepted()).toBe(true);

    const stored = withDatabase(
      (db) => db.prepare('SELECT password_hash FROM users WHERE email = ?').get(mfa.email) as { password_hash: string },
    );
    expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await passwordAccepted()).toBe(true);
  });

  it('answers 401 unauthorized "user is blocked" for a blocked user, at login and at refresh', async () => {
    const admin = demo.users.admin;
    const refreshToken = String((await loginAs(server, admin)).json['refresh_token']);
    withDatabase((db) => db.prepare('UPDATE users SET blocked = 1 WHERE email = ?').run(admin.email));

    const login = await loginAs(server, admin);
    expect(login.status).toBe(401);
    expect(login.json).toEqual({ error: 'unauthorized', error_description: 'user is blocked' });

    // Without the right password the block is not revealed.
    const guess = await loginAs(server, admin, { password: 'wrong' });
    expect(guess.status).toBe(403);
    expect(guess.json['error_description']).toBe('Wrong email or password.');

    const refreshed = await postForm(`${server.url}/oauth/token`, {
      grant_type: demo.grants.refreshToken,
      client_id: demo.clients.desktop.clientId,
      refresh_token: refreshToken,
    });
    expect(refreshed.status).toBe(401);
    expect(refreshed.json).toEqual({ error: 'unauthorized', error_description: 'user is blocked' });
  });

  it('answers 500 server_error when the tenant has no default directory for the password grant', async () => {
    withDatabase((db) => db.prepare('UPDATE tenant_settings SET default_directory = NULL').run());
    try {
      const response = await postForm(`${server.url}/oauth/token`, {
        grant_type: demo.grants.password,
        client_id: demo.clients.desktop.clientId,
        username: demo.users.alice.email,
        password: demo.users.alice.password,
      });
      expect(response.status).toBe(500);
      expect(response.json).toEqual({
        error: 'server_error',
        error_description: 'Authorization server not configured with default connection.',
      });
    } finally {
      withDatabase((db) => db.prepare("UPDATE tenant_settings SET default_directory = 'employees'").run());
    }
  });

  it('answers 400 "the connection is not enabled" when the realm is not enabled for the client', async () => {
    withDatabase((db) =>
      db
        .prepare(
          `DELETE FROM connection_clients WHERE client_id = ?
             AND connection_id = (SELECT id FROM connections WHERE name = 'contractors')`,
        )
        .run(demo.clients.desktop.clientId),
    );
    const response = await loginAs(server, demo.users.bob);

    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: 'invalid_request', error_description: 'the connection is not enabled' });
  });
});
