import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../common/result';
import { pickRollbackTarget } from '../../../../main/admin/api/actions-api';
import { lucenePhrase, userQuery } from '../../../../main/admin/api/users-api';
import { ClientCredentialsCache } from '../../../../main/admin/management-credentials';
import { ManagementClient } from '../../../../main/admin/management-client';
import { createHttpClient } from '../../../../main/net/http-client';
import {
  managementError,
  scriptedServer,
  type ScriptedAnswer,
  type ScriptedServer,
  type SeenRequest,
} from './scripted-server';

const http = createHttpClient({ userAgent: 'Gatehouse/unit', timeoutMs: 5000 });
let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(answer: (request: SeenRequest, url: URL) => ScriptedAnswer): Promise<ManagementClient> {
  server = await scriptedServer((request) => answer(request, new URL(request.url, 'http://x')));
  const token = new ClientCredentialsCache(async () =>
    ok({ accessToken: 't', tokenType: 'Bearer', expiresAt: Date.now() + 3_600_000 }),
  );
  return new ManagementClient({ http, issuer: server.url, credentials: token.credentials() });
}

const userNo = (n: number) => ({ user_id: `auth0|${n}`, email: `u${n}@example.com` });

describe('admin API calls', () => {
  it('walks every page of a user search with include_totals, narrowing to a realm', async () => {
    const client = await clientFor((_request, url) => {
      const page = Number(url.searchParams.get('page'));
      const perPage = Number(url.searchParams.get('per_page'));
      const all = Array.from({ length: 230 }, (_, index) => userNo(index));
      const users = all.slice(page * perPage, page * perPage + perPage);
      return { status: 200, body: { start: page * perPage, limit: perPage, length: users.length, total: 230, users } };
    });
    const all = await client.users.searchAll({ realm: 'employees', q: 'blocked:true' });
    expect(all.ok && all.value.map((user) => user.user_id)).toEqual(
      Array.from({ length: 230 }, (_, i) => `auth0|${i}`),
    );
    const urls = (server?.requests ?? []).map((request) => new URL(request.url, 'http://x'));
    expect(urls.map((url) => url.searchParams.get('page'))).toEqual(['0', '1', '2']);
    expect(urls[0]?.searchParams.get('include_totals')).toBe('true');
    expect(urls[0]?.searchParams.get('search_engine')).toBe('v3');
    expect(urls[0]?.searchParams.get('q')).toBe('identities.connection:"employees" AND (blocked:true)');
  });

  it('lists connections with checkpoint paging until `next` runs out', async () => {
    const client = await clientFor((_request, url) =>
      url.searchParams.get('from') === null
        ? { status: 200, body: { connections: [{ id: 'con_1', name: 'a', strategy: 'auth0' }], next: 'cursor-1' } }
        : { status: 200, body: { connections: [{ id: 'con_2', name: 'b', strategy: 'auth0' }] } },
    );
    const all = await client.connections.list({ strategy: ['auth0'] });
    expect(all.ok && all.value.map((connection) => connection.id)).toEqual(['con_1', 'con_2']);
    expect(server?.requests.map((request) => request.url)).toEqual([
      '/api/v2/connections?strategy=auth0&take=100',
      '/api/v2/connections?strategy=auth0&from=cursor-1&take=100',
    ]);
  });

  it('reads the logs from a checkpoint through the Link header, and tails new events until stopped', async () => {
    const log = (id: number) => ({
      log_id: String(id).padStart(5, '0'),
      date: new Date(id * 1000).toISOString(),
      type: 'sapi',
    });
    let newest = 3;
    const client = await clientFor((_request, url) => {
      const from = url.searchParams.get('from');
      const after = from === null ? Math.max(0, newest - Number(url.searchParams.get('take'))) : Number(from);
      const events = Array.from({ length: newest - after }, (_, index) => log(after + index + 1));
      const next = events.at(-1)?.log_id ?? from;
      const headers: Record<string, string> = next
        ? { link: `<${server?.url}api/v2/logs?from=${next}&take=100>; rel="next"` }
        : {};
      return { status: 200, body: events, headers };
    });
    expect(await client.logs.since(undefined, 2)).toEqual(ok({ items: [log(2), log(3)], next: '00003' }));

    const stop = new AbortController();
    const sleeps: number[] = [];
    const batches: string[][] = [];
    const sleep = async (ms: number) => {
      sleeps.push(ms);
      newest += sleeps.length === 1 ? 2 : 0; // two new events arrive during the first wait
      if (sleeps.length === 3) stop.abort();
    };
    for await (const batch of client.logs.tail({ backlog: 2, intervalMs: 500, signal: stop.signal, sleep })) {
      if (batch.ok) batches.push(batch.value.map((event) => event.log_id));
    }
    expect(batches).toEqual([
      ['00002', '00003'],
      ['00004', '00005'],
    ]);
    expect(sleeps).toEqual([500, 500, 500]);
  });

  it('reorders rules without ever asking for an order that is taken', async () => {
    const rules = new Map([
      ['rul_a', { id: 'rul_a', name: 'a', script: 's', order: 1, enabled: true }],
      ['rul_b', { id: 'rul_b', name: 'b', script: 's', order: 2, enabled: true }],
      ['rul_c', { id: 'rul_c', name: 'c', script: 's', order: 5, enabled: true }],
    ]);
    const conflicts: string[] = [];
    const client = await clientFor((request) => {
      if (request.method === 'GET') {
        const all = [...rules.values()];
        return { status: 200, body: { start: 0, limit: 100, total: all.length, rules: all } };
      }
      // Auth0 has no batch reorder: the route does not exist there.
      if (request.method === 'POST')
        return { status: 404, body: managementError(404, 'Not Found', 'Not Found', 'not_found') };
      const id = request.url.split('/').pop() ?? '';
      const { order } = JSON.parse(request.body) as { order: number };
      if ([...rules.values()].some((rule) => rule.order === order && rule.id !== id)) {
        conflicts.push(request.body);
        return {
          status: 409,
          body: managementError(409, 'Conflict', 'A rule with the same order already exists', 'rule_conflict'),
        };
      }
      const rule = {
        ...(rules.get(id) as { id: string; name: string; script: string; order: number; enabled: boolean }),
        order,
      };
      rules.set(id, rule);
      return { status: 200, body: rule };
    });
    const result = await client.rules.reorder(['rul_c', 'rul_a', 'rul_b']);
    expect(result.ok && result.value.map((rule) => [rule.id, rule.order])).toEqual([
      ['rul_c', 1],
      ['rul_a', 2],
      ['rul_b', 3],
    ]);
    expect(conflicts).toEqual([]);
    expect(await client.rules.reorder(['rul_c', 'rul_c', 'rul_a'])).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('reorders rules in one call where the server takes the whole order at once', async () => {
    const listed = [
      { id: 'rul_a', name: 'a', script: 's', order: 1, enabled: true },
      { id: 'rul_b', name: 'b', script: 's', order: 2, enabled: true },
    ];
    const client = await clientFor((request) =>
      request.method === 'GET'
        ? { status: 200, body: { start: 0, limit: 100, total: 2, rules: listed } }
        : {
            status: 200,
            body: [
              { ...listed[0], order: 2 },
              { ...listed[1], order: 1 },
            ],
          },
    );
    const result = await client.rules.reorder(['rul_b', 'rul_a']);
    expect(result.ok && result.value.map((rule) => rule.id)).toEqual(['rul_b', 'rul_a']);
    const writes = server?.requests.filter((request) => request.method !== 'GET');
    expect(writes?.map((request) => [request.method, request.url, request.body])).toEqual([
      ['POST', expect.stringMatching(/\/rules\/reorder$/), '{"order":["rul_b","rul_a"]}'],
    ]);
  });

  it('never hands a client secret on, and speaks Auth0’s `refresh_token` only on the wire', async () => {
    const client = await clientFor((request) => ({
      status: 200,
      body: {
        client_id: 'backend',
        client_secret: 'super-secret',
        signing_keys: [{ key: 'x' }],
        refresh_token: { rotation_type: 'rotating', leeway: request.method === 'PATCH' ? 9 : 0 },
      },
    }));
    const read = await client.clients.get('backend');
    expect(read).toEqual(
      ok({ client_id: 'backend', refresh_token_settings: { rotation_type: 'rotating', leeway: 0 } }),
    );
    await client.clients.update('backend', { refresh_token_settings: { leeway: 9 } });
    expect(server?.requests.at(-1)?.body).toBe('{"refresh_token":{"leeway":9}}');
  });

  it('answers invalid input with a value and sends nothing', async () => {
    const client = await clientFor(() => ({ status: 500 }));
    expect(await client.connections.create({ name: '-bad-' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await client.actions.create({ name: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(server?.requests).toEqual([]);
  });

  it('drops an API’s signing secret and an action’s secret values while parsing', async () => {
    const client = await clientFor((request) =>
      request.url.includes('resource-servers')
        ? { status: 200, body: { id: 'api', identifier: 'https://api/', signing_secret: 'hs256-secret' } }
        : {
            status: 200,
            body: { id: 'act', name: 'a', secrets: [{ name: 'KEY', value: 'plain', updated_at: 'now' }] },
          },
    );
    expect(JSON.stringify(await client.resourceServers.get('api'))).not.toContain('hs256-secret');
    expect(await client.actions.get('act')).toEqual(
      ok({ id: 'act', name: 'a', secrets: [{ name: 'KEY', updated_at: 'now' }] }),
    );
  });
});

describe('helpers', () => {
  it('escapes Lucene phrases so a value cannot change the query', () => {
    expect(lucenePhrase('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(userQuery({ realm: 'x" OR blocked:true', q: undefined })).toBe(
      'identities.connection:"x\\" OR blocked:true"',
    );
    expect(userQuery({ q: '  ' })).toBeUndefined();
  });

  it('rolls back to the version before the deployed one, or the one named by id or number', () => {
    const versions = [
      { id: 'v3', number: 3, deployed: false },
      { id: 'v2', number: 2, deployed: true },
      { id: 'v1', number: 1, deployed: false },
    ];
    expect(pickRollbackTarget(versions, undefined)?.id).toBe('v1');
    expect(pickRollbackTarget(versions, '3')?.id).toBe('v3');
    expect(pickRollbackTarget(versions, 'v2')?.id).toBe('v2');
    expect(pickRollbackTarget([{ id: 'v1', number: 1, deployed: true }], undefined)).toBeUndefined();
  });
});
