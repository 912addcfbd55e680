import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../../server/app';
import { demo } from '../../support/server/demo-tenant';
import type { GeneratedRequest } from '../../support/server/management-arbitraries';
import { ids } from '../../support/server/management-arbitraries';
import { scriptWriteRequests } from '../../support/server/management-script-requests';
import { tenantWriteRequests } from '../../support/server/management-write-requests';
import { createTestClock } from '../../support/server/test-clock';

/**
 * Property test of every Management API write route (design/security.md "Bad input"): at least 2,000
 * generated requests each, through `app.inject()` for speed (the HTTP path is covered by the other
 * management tests). No answer may be a 5xx, and every error must be exactly
 * `{statusCode, error, message, errorCode}` with `statusCode` equal to the HTTP status.
 */

const RUNS = 2000;
const ISSUER = 'http://gatehouse.test/';

let app: FastifyInstance;
let dataDir: string;
let token: string;
const clock = createTestClock();

async function send(request: GeneratedRequest): Promise<LightMyRequestResponse> {
  // 25 ms per request refills the rate-limit bucket (50 a second) faster than the test drains it.
  clock.advance(25);
  const raw = typeof request.body === 'object' && request.body !== null && 'raw' in request.body;
  const payload = raw
    ? String((request.body as { raw: unknown }).raw)
    : request.body === undefined
      ? undefined
      : JSON.stringify(request.body);
  return app.inject({
    method: request.method,
    url: `/api/v2${request.url}`,
    headers: {
      authorization: `Bearer ${token}`,
      ...(payload !== undefined && { 'content-type': raw ? 'application/x-www-form-urlencoded' : 'application/json' }),
    },
    ...(payload !== undefined && { payload }),
  });
}

/** What is wrong with an answer, if anything: a 5xx, an error not in the Management shape, broken JSON. */
function problemWith(response: LightMyRequestResponse): string | undefined {
  if (response.statusCode >= 500) return `status ${response.statusCode}: ${response.body}`;
  if (response.statusCode < 400) {
    if (response.body === '') return undefined;
    try {
      JSON.parse(response.body);
      return undefined;
    } catch {
      return `a ${response.statusCode} answer that is not JSON: ${response.body}`;
    }
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(response.body) as Record<string, unknown>;
  } catch {
    return `a ${response.statusCode} error that is not JSON: ${response.body}`;
  }
  const shaped =
    Object.keys(body).sort().join(',') === 'error,errorCode,message,statusCode' &&
    body['statusCode'] === response.statusCode &&
    typeof body['error'] === 'string' &&
    typeof body['message'] === 'string' &&
    typeof body['errorCode'] === 'string';
  if (!shaped) return `an error body out of shape: ${response.body}`;
  // Never internals: SQL, stack frames or raw error texts.
  if (/SQLITE|at .*\.ts:\d+|Error: /.test(response.body)) return `an error body with internals: ${response.body}`;
  return undefined;
}

// ---- arbitraries ---------------------------------------------------------------------------------

const routes = [...tenantWriteRequests, ...scriptWriteRequests];

// ---- setup ----------------------------------------------------------------------------------------

async function json(method: 'GET' | 'POST', url: string, payload?: unknown): Promise<Record<string, unknown>> {
  clock.advance(25);
  const response = await app.inject({
    method,
    url: `/api/v2${url}`,
    headers: { authorization: `Bearer ${token}` },
    ...(payload !== undefined && { payload: payload as Record<string, unknown> }),
  });
  return JSON.parse(response.body) as Record<string, unknown>;
}

async function list(url: string, key: string): Promise<string[]> {
  const items = await json('GET', url);
  if (!Array.isArray(items)) throw new Error(`GET ${url} answered ${JSON.stringify(items)}`);
  return (items as Record<string, unknown>[]).map((item) => String(item[key]));
}

/**
 * Re-reads the ids each route aims at, and puts back what earlier routes deleted, so that every route
 * meets existing objects as well as unknown ones.
 */
async function refreshPools(): Promise<void> {
  if ((await list('/users?per_page=100', 'user_id')).length < 3) {
    for (const name of ['p1', 'p2', 'p3']) {
      await json('POST', '/users', {
        connection: 'contractors',
        email: `${name}-${clock.now()}@prop.test`,
        password: 'x',
      });
    }
  }
  if ((await list('/roles', 'id')).length === 0) await json('POST', '/roles', { name: `prop-role-${clock.now()}` });
  if ((await list('/rules', 'id')).length === 0) {
    await json('POST', '/rules', {
      name: `prop rule ${clock.now()}`,
      script: 'function (u, c, cb) { cb(null, u, c); }',
    });
  }
  const actions = (await json('GET', '/actions/actions?per_page=100'))['actions'] as Record<string, unknown>[];
  if (!actions.some((action) => action['deployed_version'] !== undefined)) {
    await json('POST', '/actions/actions', {
      name: `prop action ${clock.now()}`,
      supported_triggers: [{ id: 'post-login', version: 'v3' }],
      code: '',
      deploy: true,
    });
  }
  ids.connections = await list('/connections', 'id');
  ids.users = await list('/users?per_page=100', 'user_id');
  ids.roles = await list('/roles', 'id');
  ids.rules = await list('/rules', 'id');
  const clientGrants = (await json('GET', '/client-grants')) as unknown as Record<string, unknown>[];
  ids.clientGrants = clientGrants.map((grant) => String(grant['id']));
  // The test's own token comes from this grant; deleting it would not stop the token, but keep it tidy.
  ids.m2mGrant = String(clientGrants.find((grant) => grant['client_id'] === demo.clients.adminM2m.clientId)?.['id']);
  const current = (await json('GET', '/actions/actions?per_page=100'))['actions'] as Record<string, unknown>[];
  ids.actions = current.map((action) => String(action['id']));
  ids.versions = current.flatMap((action) => {
    const version = action['deployed_version'] as Record<string, unknown> | undefined;
    return version === undefined ? [] : [String(version['id'])];
  });
}

beforeEach(refreshPools);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-mgmt-properties-'));
  app = await buildServer({ dataDir, issuer: ISSUER, seed: 'demo', clock: clock.now });
  const login = await app.inject({
    method: 'POST',
    url: '/oauth/token',
    payload: {
      grant_type: demo.grants.clientCredentials,
      client_id: demo.clients.adminM2m.clientId,
      client_secret: demo.clients.adminM2m.secret,
      audience: `${ISSUER}api/v2/`,
    },
  });
  token = String((JSON.parse(login.body) as Record<string, unknown>)['access_token']);
  await refreshPools();
}, 60_000);

afterAll(async () => {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('Management API write routes under generated input', () => {
  it('has a token and known ids to aim at', () => {
    expect(token.split('.')).toHaveLength(3);
    expect(ids.users.length).toBeGreaterThanOrEqual(5);
  });

  it.each(routes)(
    '%s: no 5xx and no broken error body over 2,000 runs',
    async (name, arbitrary) => {
      const statuses = new Map<number, number>();
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(arbitrary, async (request) => {
          runs += 1;
          const response = await send(request);
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          const problem = problemWith(response);
          if (problem !== undefined) throw new Error(`${request.method} ${request.url} answered ${problem}`);
        }),
        { numRuns: RUNS },
      );
      const summary = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
      console.log(`${name}: ${runs} runs (${summary.join(', ')})`);
      expect(runs).toBeGreaterThanOrEqual(RUNS);
      // The generators reach past validation: some requests must be accepted or refused for a real reason.
      expect([...statuses.keys()].some((status) => status < 400 || status === 404 || status === 409)).toBe(true);
    },
    180_000,
  );
});
