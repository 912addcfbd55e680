import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../support/server/demo-tenant';
import { postForm } from '../../support/server/http';
import type { ManagementClient } from '../../support/server/management';
import { isManagementError, managementClient, managementToken } from '../../support/server/management';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';

let server: TestServer;
let admin: ManagementClient;
let support: ManagementClient;
let adminToken: string;

type Json = Record<string, unknown>;
const q = (query: string) => encodeURIComponent(query);

beforeAll(async () => {
  server = await startTestServer();
  adminToken = await managementToken(server, 'admin');
  admin = managementClient(server, adminToken);
  support = managementClient(server, await managementToken(server, 'support'));
  const { alice } = demo.users;
  for (const password of [alice.password, 'wrong-1', 'wrong-2']) {
    await postForm(`${server.url}/oauth/token`, {
      grant_type: demo.grants.passwordRealm,
      client_id: demo.clients.desktop.clientId,
      username: alice.email,
      password,
      realm: alice.realm,
    });
  }
  await admin.post('/rules', { name: 'logged rule', script: 'function (u, c, cb) { cb(null, u, c); }' });
  await admin.post('/rules', { name: 'bad rule', script: '' });
});
afterAll(() => server.close());

/** A JSON POST with a chosen Host header (fetch always sends the URL's own host). */
function postWithHost(path: string, host: string, token: string, body: Json): Promise<number> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const call = httpRequest(
      `${server.url}/api/v2${path}`,
      {
        method: 'POST',
        headers: {
          host,
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    call.on('error', reject);
    call.end(payload);
  });
}

describe('GET /logs', () => {
  it('lists newest first as a bare array, and with include_totals in {start, limit, length, total, logs}', async () => {
    const bare = (await support.get('/logs')).body as Json[];
    expect(bare.length).toBeGreaterThanOrEqual(5);
    const ids = bare.map((entry) => String(entry['log_id']));
    expect(ids).toEqual([...ids].sort().reverse());
    for (const entry of bare) {
      expect(Date.parse(String(entry['date']))).not.toBeNaN();
      expect(typeof entry['type']).toBe('string');
    }

    const page = await support.get('/logs?include_totals=true&per_page=2&page=1');
    expect(page.json).toMatchObject({ start: 2, limit: 2, length: 2 });
    expect((page.json['logs'] as Json[]).map((entry) => entry['log_id'])).toEqual(ids.slice(2, 4));
    const oldestFirst = (await support.get('/logs?sort=date:1&per_page=100')).body as Json[];
    expect(oldestFirst.map((entry) => entry['log_id'])).toEqual([...ids].reverse());
    expect((await support.get('/logs?per_page=101')).status).toBe(400);
  });

  it('searches with q (SDK v4) and search (SDK v6) alike, by type, user and date', async () => {
    const byQ = (await support.get(`/logs?q=${q('type:sepft')}`)).body as Json[];
    const bySearch = (await support.get(`/logs?search=${q('type:sepft')}`)).body as Json[];
    expect(byQ.length).toBeGreaterThanOrEqual(1);
    expect(bySearch).toEqual(byQ);
    for (const entry of byQ) expect(entry['type']).toBe('sepft');

    const failures = (await support.get(`/logs?q=${q('type:(fp OR fepft) AND connection:"employees"')}`))
      .body as Json[];
    expect(failures.length).toBeGreaterThanOrEqual(2);
    for (const entry of failures) expect(['fp', 'fepft']).toContain(entry['type']);

    const today = new Date().toISOString().slice(0, 10);
    const dated = (await support.get(`/logs?q=${q(`date:[${today} TO *]`)}&per_page=100`)).body as Json[];
    expect(dated.length).toBe(((await support.get('/logs?per_page=100')).body as Json[]).length);
    const future = (await support.get(`/logs?q=${q('date:[2999-01-01 TO *]')}`)).body as Json[];
    expect(future).toEqual([]);

    for (const bad of ['free text', 'password:x', 'type:s*', 'date:[yesterday TO *]']) {
      const response = await support.get(`/logs?q=${q(bad)}`);
      expect(response.status, bad).toBe(400);
      expect(isManagementError(response.body, 400)).toBe(true);
    }
  });

  it('logs Management writes as sapi and failures as fapi, with the actor', async () => {
    const ok = (await support.get(`/logs?q=${q('type:sapi')}`)).body as Json[];
    const created = ok.find((entry) => entry['description'] === 'Create a rule') ?? {};
    expect(created).toMatchObject({ type: 'sapi', client_id: demo.clients.desktop.clientId });
    expect(String(created['user_id'])).toMatch(/^auth0\|/);
    expect((created['details'] as Json)['request']).toMatchObject({ method: 'POST', path: '/api/v2/rules' });

    const failed = (await support.get(`/logs?q=${q('type:fapi')}`)).body as Json[];
    const refused = failed.find((entry) => entry['description'] === 'Create a rule') ?? {};
    expect(((refused['details'] as Json)['response'] as Json)['statusCode']).toBe(400);
  });

  it('pages by checkpoint: from/take in log_id order with a Link to the next page', async () => {
    const newest = (await support.get('/logs?per_page=100')).body as Json[];
    const first = await support.get('/logs?take=2');
    expect((first.body as Json[]).map((entry) => entry['log_id'])).toEqual(
      newest
        .slice(0, 2)
        .map((entry) => entry['log_id'])
        .reverse(),
    );
    const link = first.headers.get('link') ?? '';
    expect(link).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/v2\/logs\?from=\d+&take=2>; rel="next"$/);

    const start = String(newest[newest.length - 1]?.['log_id']);
    const collected: unknown[] = [];
    let from = start;
    for (let round = 0; round < 50; round += 1) {
      const response = await support.get(`/logs?from=${from}&take=3`);
      const entries = response.body as Json[];
      if (entries.length === 0) break;
      collected.push(...entries.map((entry) => entry['log_id']));
      from = /from=(\d+)/.exec(response.headers.get('link') ?? '')?.[1] ?? '';
    }
    const ascending = newest.map((entry) => entry['log_id']).reverse();
    expect(collected.slice(0, ascending.length - 1)).toEqual(ascending.slice(1));
    expect((await support.get('/logs?from=abc')).status).toBe(400);
  });

  it('reads one event, and 404s an unknown one', async () => {
    const [entry] = (await support.get('/logs?per_page=1')).body as Json[];
    expect((await support.get(`/logs/${String(entry?.['log_id'])}`)).body).toEqual(entry);
    const missing = await support.get('/logs/00000000000099999999');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ errorCode: 'inexistent_log' });
  });
});

describe('Management events name the tenant and the actor', () => {
  const issuerHost = () => new URL(server.issuer).host;
  const sapiFor = async (description: string) =>
    ((await support.get(`/logs?q=${q('type:sapi')}&per_page=100`)).body as Json[]).find(
      (entry) => entry['description'] === description,
    ) ?? {};

  it("logs the issuer's host, not the Host header the caller sent", async () => {
    expect(await postWithHost('/rules', 'attacker.example', adminToken, { name: 'host rule', script: 'x' })).toBe(201);
    const failed = await postWithHost('/rules', 'attacker.example', adminToken, { name: 'host rule', script: '' });
    expect(failed).toBe(400);

    const entries = (await support.get(`/logs?q=${q('type:(sapi OR fapi)')}&per_page=100`)).body as Json[];
    expect(entries.length).toBeGreaterThanOrEqual(2);
    for (const entry of entries) expect(entry['hostname'], String(entry['type'])).toBe(issuerHost());
  });

  it("carries a user actor's email as user_name and the application's name as client_name", async () => {
    const desktop = await admin.get(`/clients/${demo.clients.desktop.clientId}`);
    expect(desktop.status).toBe(200);
    expect(await admin.post('/rules', { name: 'named rule', script: 'x' })).toMatchObject({ status: 201 });
    expect(await sapiFor('Create a rule')).toMatchObject({
      user_name: demo.users.admin.email,
      client_id: demo.clients.desktop.clientId,
      client_name: desktop.json['name'],
    });
  });

  it('gives an M2M actor client_name and no user_name', async () => {
    const m2m = managementClient(server, await managementToken(server, 'm2m'));
    const client = await admin.get(`/clients/${demo.clients.adminM2m.clientId}`);
    expect((await m2m.post('/roles', { name: 'm2m-made role' })).status).toBe(200);
    const entry = await sapiFor('Create a role');
    expect(entry).toMatchObject({ client_id: demo.clients.adminM2m.clientId, client_name: client.json['name'] });
    expect(typeof client.json['name']).toBe('string');
    expect(entry).not.toHaveProperty('user_name');
    expect(entry).not.toHaveProperty('user_id');
  });
});
