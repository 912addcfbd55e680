import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../support/server/demo-tenant';
import { cheapArgon2 } from '../../support/server/cheap-hasher';
import { postForm, postJson } from '../../support/server/http';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';
import type { StoredLogRow } from '../../support/server/tenant-log';
import { lastLogSeq, readTenantLog } from '../../support/server/tenant-log';

let server: TestServer;
let tokenUrl: string;

beforeAll(async () => {
  server = await startTestServer({ server: { passwordHasher: await cheapArgon2() } });
  tokenUrl = `${server.url}/oauth/token`;
});
afterAll(() => server.close());

const { alice } = demo.users;
/** Recognisable values that must never reach the tenant log or the database in the clear. */
const CANARY_PASSWORD = 'Canary-Passw0rd-7f3a9c';
const telemetry = Buffer.from(JSON.stringify({ name: 'node-auth0', version: '4.37.1', env: { node: '24' } })).toString(
  'base64url',
);

function aliceLogin(password: string, extra: Record<string, string> = {}) {
  return postForm(
    tokenUrl,
    {
      grant_type: demo.grants.passwordRealm,
      client_id: demo.clients.desktop.clientId,
      username: alice.email,
      password,
      realm: demo.realms.employees,
      scope: 'openid offline_access',
      ...extra,
    },
    { 'user-agent': 'gatehouse-desktop/0.1', 'auth0-client': telemetry },
  );
}

/** Runs `step` and returns the events it wrote. */
async function eventsOf(step: () => Promise<unknown>): Promise<StoredLogRow[]> {
  const seq = lastLogSeq(server.dataDir);
  await step();
  return readTenantLog(server.dataDir, seq);
}

const secrets: string[] = [CANARY_PASSWORD, alice.password, demo.clients.backend.secret, demo.clients.adminM2m.secret];

describe('tenant log events (auth0-wire.md §7.6)', () => {
  it('logs sepft with client, connection, user, ip, client_ip, user agent, scope and telemetry', async () => {
    const events = await eventsOf(() => aliceLogin(alice.password));
    expect(events.map((event) => event.type)).toEqual(['sepft']);
    const [event] = events;
    expect(event).toMatchObject({
      description: 'Successful exchange of password for access token',
      ip: '127.0.0.1',
      client_ip: '127.0.0.1',
      user_agent: 'gatehouse-desktop/0.1',
      client_id: 'gatehouse-desktop',
      client_name: 'Gatehouse Desktop',
      connection: 'employees',
      strategy: 'auth0',
      user_name: alice.email,
      audience: demo.audience,
      scope: 'openid profile email offline_access read:reports write:reports',
      hostname: new URL(server.issuer).host,
    });
    expect(event?.user_id).toMatch(/^auth0\|[0-9a-f]{24}$/);
    expect(event?.connection_id).toMatch(/^con_/);
    expect(JSON.parse(event?.auth0_client ?? '{}')).toEqual({
      name: 'node-auth0',
      version: '4.37.1',
      env: { node: '24' },
    });
  });

  it('names on sepft the rules and actions that ran and the claims each set, without claim values', async () => {
    const [event] = await eventsOf(() => aliceLogin(alice.password));
    const details = JSON.parse(event?.details ?? '{}') as Record<string, unknown>;
    const rule = { kind: 'rule', id: expect.stringMatching(/^rul_/), name: 'Add realm and roles claims' };
    expect(details['scripts']).toEqual([{ ...rule, status: 'ok', ms: expect.any(Number) }]);
    expect(details['claims']).toEqual(
      expect.arrayContaining([
        { in: 'id', claim: 'https://gatehouse.test/realm', script: rule },
        { in: 'access', claim: 'https://gatehouse.test/realm', script: rule },
      ]),
    );
    expect(event?.details).not.toContain('employees');
  });

  it('logs fp for a wrong password and fu for an unknown user, and nothing else for them', async () => {
    const wrong = await eventsOf(() => aliceLogin(CANARY_PASSWORD));
    expect(wrong.map((event) => [event.type, event.user_name])).toEqual([['fp', alice.email]]);
    expect(wrong[0]?.user_id).toMatch(/^auth0\|/);
    const unknown = await eventsOf(() => aliceLogin(CANARY_PASSWORD, { username: 'nobody@example.com' }));
    expect(unknown.map((event) => [event.type, event.user_name, event.user_id])).toEqual([
      ['fu', 'nobody@example.com', null],
    ]);
  });

  it('logs fepft with the error for other password-exchange failures', async () => {
    const events = await eventsOf(() => aliceLogin(alice.password, { audience: 'https://nowhere.example/' }));
    expect(events.map((event) => [event.type, event.description])).toEqual([
      ['fepft', 'Service not enabled within domain: https://nowhere.example/'],
    ]);
    expect(JSON.parse(events[0]?.details ?? '{}')).toEqual({
      error: { message: 'Service not enabled within domain: https://nowhere.example/', oauthError: 'access_denied' },
    });
  });

  it('logs sertft, then ferrt with the family counters on reuse, then fertft', async () => {
    const login = await aliceLogin(alice.password);
    const first = String(login.json['refresh_token']);
    const refresh = (token: string) =>
      postForm(tokenUrl, {
        grant_type: 'refresh_token',
        client_id: demo.clients.desktop.clientId,
        refresh_token: token,
      });

    const ok = await eventsOf(() => refresh(first));
    expect(ok.map((event) => event.type)).toEqual(['sertft']);
    expect(ok[0]?.user_id).toMatch(/^auth0\|/);

    const reuse = await eventsOf(() => refresh(first));
    expect(reuse.map((event) => event.type)).toEqual(['ferrt']);
    expect(JSON.parse(reuse[0]?.details ?? '{}')).toEqual({
      familyId: expect.any(String),
      tokenCounter: 0,
      latestCounter: 1,
    });

    const revoked = await eventsOf(() => refresh(first));
    expect(revoked.map((event) => [event.type, event.description])).toEqual([
      ['fertft', 'Unknown or invalid refresh token.'],
    ]);
  });

  it('logs srrt for a revocation that revoked something, and nothing for an unknown token', async () => {
    const login = await aliceLogin(alice.password);
    const token = String(login.json['refresh_token']);
    const revoke = (value: string) =>
      postJson(`${server.url}/oauth/revoke`, { client_id: demo.clients.desktop.clientId, token: value });
    const events = await eventsOf(() => revoke(token));
    expect(events.map((event) => [event.type, event.client_id])).toEqual([['srrt', 'gatehouse-desktop']]);
    expect(await eventsOf(() => revoke('v1.unknown'))).toEqual([]);
  });

  it('logs seccft and feccft for client credentials', async () => {
    const ask = (secret: string) =>
      postForm(tokenUrl, {
        grant_type: 'client_credentials',
        client_id: demo.clients.adminM2m.clientId,
        client_secret: secret,
        audience: `${server.issuer}api/v2/`,
        scope: 'read:logs',
      });
    const ok = await eventsOf(() => ask(demo.clients.adminM2m.secret));
    expect(ok.map((event) => [event.type, event.audience, event.scope])).toEqual([
      ['seccft', `${server.issuer}api/v2/`, 'read:logs'],
    ]);
    const failed = await eventsOf(() => ask('wrong-secret'));
    expect(failed.map((event) => [event.type, event.description])).toEqual([['feccft', 'Unauthorized']]);
  });

  it('never stores a password, a client secret or a token: not in the log, not anywhere in the database', async () => {
    const login = await aliceLogin(alice.password);
    await aliceLogin(CANARY_PASSWORD);
    await postJson(tokenUrl, {
      grant_type: demo.grants.password,
      client_id: demo.clients.backend.clientId,
      client_secret: demo.clients.backend.secret,
      username: alice.email,
      password: CANARY_PASSWORD,
    });
    const tokens = [login.json['access_token'], login.json['id_token'], login.json['refresh_token']].map(String);
    // Signatures are the part of a JWT nobody else can produce; the refresh token is whole.
    const needles = [...secrets, ...tokens.map((token) => token.split('.').at(-1) ?? token)];

    const log = JSON.stringify(readTenantLog(server.dataDir));
    for (const needle of needles) expect(log).not.toContain(needle);

    for (const file of await readdir(server.dataDir)) {
      const bytes = await readFile(join(server.dataDir, file));
      for (const needle of needles) expect(bytes.includes(Buffer.from(needle)), `${needle} in ${file}`).toBe(false);
    }
  });
});
