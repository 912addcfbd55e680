import type { FastifyInstance } from 'fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../../server/app';
import { demo } from '../../support/server/demo-tenant';
import { basicAuth } from '../../support/server/http';

let dataDir: string;
let app: FastifyInstance;
const lines: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-log-test-'));
  app = await buildServer({
    dataDir,
    seed: 'demo',
    issuer: 'https://login.gatehouse.test/',
    logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } },
  });
});
afterAll(async () => {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});
beforeEach(() => {
  lines.length = 0;
});

function parsed(): Record<string, unknown>[] {
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('request log', () => {
  it('writes exactly one line per request with method, route, status, duration and client_id', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: demo.grants.passwordRealm,
        client_id: demo.clients.desktop.clientId,
        username: demo.users.alice.email,
        password: demo.users.alice.password,
        realm: demo.realms.employees,
        scope: 'openid offline_access',
      }).toString(),
    });
    expect(response.statusCode).toBe(200);

    const entries = parsed();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      msg: 'request',
      method: 'POST',
      route: '/oauth/token',
      status: 200,
      client_id: demo.clients.desktop.clientId,
    });
    expect(entries[0]?.['durationMs']).toEqual(expect.any(Number));
    const body = response.json<Record<string, string>>();
    for (const secret of [demo.users.alice.password, body['refresh_token'], body['access_token'], body['id_token']]) {
      expect(lines.join('\n')).not.toContain(secret);
    }
  });

  it('logs failed requests too, and never the client secret or the Authorization header', async () => {
    const authorization = basicAuth(demo.clients.backend.clientId, 'a-wrong-secret');
    const response = await app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/json', authorization },
      payload: { grant_type: demo.grants.password, username: 'x@example.com', password: 'p@ss-canary' },
    });
    expect(response.statusCode).toBe(401);

    const entries = parsed();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ status: 401, client_id: demo.clients.backend.clientId });
    const text = lines.join('\n');
    expect(text).not.toContain('a-wrong-secret');
    expect(text).not.toContain(authorization.slice('Basic '.length));
    expect(text).not.toContain('p@ss-canary');
  });

  it('logs the route pattern, not a URL that could carry a token in its query', async () => {
    await app.inject({ method: 'GET', url: '/health?access_token=canary-token' });

    expect(parsed()).toEqual([expect.objectContaining({ route: '/health', status: 200 })]);
    expect(lines.join('\n')).not.toContain('canary-token');
  });
});
