import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagementClient } from '../../support/server/management';
import { isManagementError, managementClient, managementToken } from '../../support/server/management';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';

let server: TestServer;
let admin: ManagementClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = managementClient(server, await managementToken(server, 'admin'));
});
afterAll(() => server.close());

type Json = Record<string, unknown>;
const script = (claim: string) =>
  `function (user, context, callback) { context.idToken['https://example.test/${claim}'] = true; callback(null, user, context); }`;

describe('rules', () => {
  it('creates (201), reads, updates and deletes (204) a rule in Auth0 shape', async () => {
    const created = await admin.post('/rules', { name: 'crud rule', script: script('a'), order: 100, enabled: false });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: expect.stringMatching(/^rul_[A-Za-z0-9]{16}$/),
      name: 'crud rule',
      script: script('a'),
      order: 100,
      enabled: false,
      stage: 'login_success',
    });
    const path = `/rules/${String(created.json['id'])}`;
    expect((await admin.get(path)).body).toEqual(created.body);

    const patched = await admin.patch(path, { enabled: true, name: 'crud rule renamed' });
    expect(patched.json).toMatchObject({ enabled: true, name: 'crud rule renamed', order: 100 });
    expect((await admin.delete(path)).status).toBe(204);
    expect((await admin.get(path)).status).toBe(404);
  });

  it('answers order and name conflicts with 409 rule_conflict', async () => {
    await admin.post('/rules', { name: 'first at 200', script: script('b'), order: 200 });
    const sameOrder = await admin.post('/rules', { name: 'second at 200', script: script('c'), order: 200 });
    expect(sameOrder.status).toBe(409);
    expect(sameOrder.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'A rule with the same order already exists',
      errorCode: 'rule_conflict',
    });
    const other = await admin.post('/rules', { name: 'third', script: script('d'), order: 201 });
    const moved = await admin.patch(`/rules/${String(other.json['id'])}`, { order: 200 });
    expect(moved.status).toBe(409);
    expect(moved.json['errorCode']).toBe('rule_conflict');
    const sameName = await admin.post('/rules', { name: 'third', script: script('e') });
    expect(sameName.status).toBe(409);
    expect(sameName.json['errorCode']).toBe('rule_conflict');
  });

  it('refuses bad names, orders, stages and scripts with 400 invalid_body', async () => {
    for (const body of [
      { name: ' padded', script: script('x') },
      { name: 'ok', script: '' },
      { name: 'ok', script: script('x'), order: -1 },
      { name: 'ok', script: script('x'), order: 1.5 },
      { name: 'ok', script: script('x'), stage: 'pre_authorize' },
      { name: 'ok', script: 42 },
    ]) {
      const response = await admin.post('/rules', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(isManagementError(response.body, 400)).toBe(true);
    }
  });

  it('keeps each previous script so it can be diffed and restored', async () => {
    const created = await admin.post('/rules', { name: 'versioned', script: script('v1') });
    const path = `/rules/${String(created.json['id'])}`;
    await admin.patch(path, { script: script('v2') });
    await admin.patch(path, { script: script('v3') });

    const history = (await admin.get(`${path}/history`)).body as Json[];
    expect(history.map((entry) => entry['script'])).toEqual([script('v2'), script('v1')]);
    const restored = await admin.post(`${path}/history/${String(history[1]?.['id'])}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.json['script']).toBe(script('v1'));
    expect(((await admin.get(`${path}/history`)).body as Json[])[0]?.['script']).toBe(script('v3'));
    expect((await admin.post(`${path}/history/999999/restore`)).status).toBe(404);
  });

  it('pages with include_totals ({rules, start, limit, total}) and filters by enabled', async () => {
    const all = (await admin.get('/rules?include_totals=true')).json;
    const total = Number(all['total']);
    expect(total).toBeGreaterThanOrEqual(3);
    const page = await admin.get('/rules?include_totals=true&per_page=2&page=1');
    expect(page.json).toMatchObject({ start: 2, limit: 2, total });
    expect(page.json['rules']).toEqual((all['rules'] as Json[]).slice(2, 4));
    const orders = (all['rules'] as Json[]).map((rule) => Number(rule['order']));
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    const disabled = (await admin.get('/rules?enabled=false')).body as Json[];
    for (const rule of disabled) expect(rule['enabled']).toBe(false);
  });
});

describe('rules reorder (Gatehouse extension)', () => {
  const orderOf = async () =>
    ((await admin.get('/rules')).body as Json[]).map((rule) => [rule['name'], rule['order']] as const);

  it('puts every rule in a new order in one transaction, swaps included', async () => {
    const made = [];
    for (const name of ['reorder one', 'reorder two']) {
      made.push((await admin.post('/rules', { name, script: script(name.replace(' ', '-')) })).json);
    }
    const before = ((await admin.get('/rules')).body as Json[]).map((rule) => String(rule['id']));
    const reversed = [...before].reverse();
    const answer = await admin.post('/rules/reorder', { order: reversed });
    expect(answer.status).toBe(200);
    expect((answer.body as Json[]).map((rule) => [rule['id'], rule['order']])).toEqual(
      reversed.map((id, index) => [id, index + 1]),
    );
    expect((await orderOf()).map(([, order]) => order)).toEqual(reversed.map((_, index) => index + 1));
    for (const rule of made) await admin.delete(`/rules/${String(rule['id'])}`);
  });

  it('changes nothing when the order leaves a rule out, names one twice, or names an unknown one', async () => {
    const before = await orderOf();
    const ids = ((await admin.get('/rules')).body as Json[]).map((rule) => String(rule['id']));
    for (const order of [ids.slice(1), [...ids, ids[0]], [...ids.slice(1), 'rul_unknown']]) {
      const refused = await admin.post('/rules/reorder', { order });
      expect(refused.status).toBe(400);
      expect(refused.json).toMatchObject({ statusCode: 400, errorCode: 'invalid_body' });
    }
    expect(await orderOf()).toEqual(before);
  });
});

describe('actions', () => {
  const code = (value: string) =>
    `exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('https://example.test/v', '${value}'); };`;
  const trigger = [{ id: 'post-login', version: 'v3' }];

  it('creates a draft (201), deploys it (202) and keeps every deployed version for rollback', async () => {
    const created = await admin.post('/actions/actions', {
      name: 'versioned action',
      supported_triggers: trigger,
      code: code('1'),
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: 'versioned action',
      supported_triggers: trigger,
      code: code('1'),
      status: 'built',
    });
    expect(created.json).not.toHaveProperty('deployed_version');
    const id = String(created.json['id']);

    const first = await admin.post(`/actions/actions/${id}/deploy`);
    expect(first.status).toBe(202);
    expect(first.json).toMatchObject({ action_id: id, number: 1, deployed: true, code: code('1') });

    await admin.patch(`/actions/actions/${id}`, { code: code('2') });
    const draft = await admin.get(`/actions/actions/${id}`);
    expect(draft.json).toMatchObject({ code: code('2'), all_changes_deployed: false });
    expect((draft.json['deployed_version'] as Json)['code']).toBe(code('1'));
    await admin.post(`/actions/actions/${id}/deploy`);

    const versions = await admin.get(`/actions/actions/${id}/versions`);
    expect(versions.json).toMatchObject({ total: 2, page: 0 });
    const [newest, oldest] = versions.json['versions'] as Json[];
    expect(newest).toMatchObject({ number: 2, deployed: true, code: code('2') });
    expect(oldest).toMatchObject({ number: 1, deployed: false, code: code('1') });
    expect((await admin.get(`/actions/actions/${id}/versions/${String(oldest?.['id'])}`)).json['code']).toBe(code('1'));

    const rollback = await admin.post(`/actions/actions/${id}/versions/${String(oldest?.['id'])}/deploy`);
    expect(rollback.status).toBe(202);
    expect(rollback.json).toMatchObject({ number: 3, deployed: true, code: code('1') });
    expect((await admin.get(`/actions/actions/${id}`)).json).toMatchObject({
      code: code('1'),
      all_changes_deployed: true,
    });
  });

  it('binds deployed actions to post-login in order, by name or id, and refuses unknown ones', async () => {
    const one = await admin.post('/actions/actions', {
      name: 'bind one',
      supported_triggers: trigger,
      code: code('a'),
      deploy: true,
    });
    const two = await admin.post('/actions/actions', {
      name: 'bind two',
      supported_triggers: trigger,
      code: code('b'),
      deploy: true,
    });
    const draft = await admin.post('/actions/actions', {
      name: 'bind draft',
      supported_triggers: trigger,
      code: code('c'),
    });

    const patched = await admin.patch('/actions/triggers/post-login/bindings', {
      bindings: [
        { ref: { type: 'action_name', value: 'bind two' }, display_name: 'Second first' },
        { ref: { type: 'action_id', value: one.json['id'] } },
      ],
    });
    expect(patched.status).toBe(200);
    const names = (patched.json['bindings'] as Json[]).map((binding) => (binding['action'] as Json)['name']);
    expect(names).toEqual(['bind two', 'bind one']);
    expect((patched.json['bindings'] as Json[])[0]).toMatchObject({
      trigger_id: 'post-login',
      display_name: 'Second first',
    });

    const listed = await admin.get('/actions/triggers/post-login/bindings');
    expect(listed.json).toMatchObject({ total: 2, page: 0 });
    expect((await admin.get('/actions/triggers')).json['triggers']).toEqual([
      expect.objectContaining({ id: 'post-login', version: 'v3', status: 'CURRENT' }),
    ]);

    const undeployed = await admin.patch('/actions/triggers/post-login/bindings', {
      bindings: [{ ref: { type: 'action_id', value: draft.json['id'] } }],
    });
    expect(undeployed.status).toBe(400);
    const unknown = await admin.patch('/actions/triggers/post-login/bindings', {
      bindings: [{ ref: { type: 'action_name', value: 'nope' } }],
    });
    expect(unknown.status).toBe(400);
    expect(((await admin.get('/actions/triggers/post-login/bindings')).json['bindings'] as unknown[]).length).toBe(2);

    const bound = await admin.delete(`/actions/actions/${String(two.json['id'])}`);
    expect(bound.status).toBe(409);
    expect((await admin.delete(`/actions/actions/${String(two.json['id'])}?force=true`)).status).toBe(204);
    expect(((await admin.get('/actions/triggers/post-login/bindings')).json['bindings'] as unknown[]).length).toBe(1);
  });

  it('lists actions in Auth0 paging shape, filtered, and refuses duplicates and secrets without values', async () => {
    const listed = await admin.get('/actions/actions?per_page=1&page=0&triggerId=post-login');
    expect(listed.json).toMatchObject({ page: 0, per_page: 1 });
    expect((listed.json['actions'] as unknown[]).length).toBe(1);
    expect(Number(listed.json['total'])).toBeGreaterThanOrEqual(3);
    const deployed = (await admin.get('/actions/actions?deployed=false')).json['actions'] as Json[];
    for (const action of deployed) expect(action).not.toHaveProperty('deployed_version');

    const dup = await admin.post('/actions/actions', { name: 'bind one', supported_triggers: trigger });
    expect(dup.status).toBe(409);
    const secretless = await admin.post('/actions/actions', {
      name: 'secretless',
      supported_triggers: trigger,
      secrets: [{ name: 'API_KEY' }],
    });
    expect(secretless.status).toBe(400);
    const withSecret = await admin.post('/actions/actions', {
      name: 'with secret',
      supported_triggers: trigger,
      secrets: [{ name: 'API_KEY', value: 'sup3r-s3cret' }],
    });
    expect(withSecret.status).toBe(201);
    expect(withSecret.text).not.toContain('sup3r-s3cret');
    expect(withSecret.json['secrets']).toEqual([{ name: 'API_KEY', updated_at: expect.any(String) }]);
    const logs = await admin.get('/logs?q=type:sapi&per_page=100');
    expect(logs.text).not.toContain('sup3r-s3cret');
  });
});

describe('dry runs (Gatehouse extension)', () => {
  const tryBody = async () => {
    const alice =
      ((await admin.get(`/users?q=${encodeURIComponent('email:"alice@example.com"')}`)).body as Json[])[0] ?? {};
    return { user_id: alice['user_id'], client_id: 'gatehouse-desktop', scope: 'openid profile' };
  };

  it('runs an unsaved rule against a real user and reports claims and provenance, changing nothing', async () => {
    const before = (await admin.get('/rules')).body;
    const response = await admin.post('/rules/try', {
      ...(await tryBody()),
      name: 'draft',
      script: `function (user, context, callback) {
        context.idToken['https://example.test/who'] = user.email + '@' + context.connection;
        callback(null, user, context);
      }`,
    });
    expect(response.status).toBe(200);
    expect(response.json['outcome']).toBe('allow');
    expect((response.json['id_token'] as Json)['claims']).toMatchObject({
      'https://example.test/who': 'alice@example.com@employees',
    });
    expect(response.json['provenance']).toEqual([
      {
        token: 'id',
        claim: 'https://example.test/who',
        script: expect.objectContaining({ kind: 'rule', name: 'draft' }),
      },
    ]);
    expect((await admin.get('/rules')).body).toEqual(before);
    const logged = (await admin.get(`/logs?q=${encodeURIComponent('type:sapi')}`)).body as Json[];
    expect(logged.some((entry) => entry['description'] === 'Dry-run a rule')).toBe(true);
  });

  it('reports a denial, runs saved rules and actions, and refuses bad requests', async () => {
    const denied = await admin.post('/rules/try', {
      ...(await tryBody()),
      script: "function (user, context, callback) { callback(new UnauthorizedError('not today')); }",
    });
    expect(denied.json).toMatchObject({
      outcome: 'deny',
      error: { error: 'unauthorized', error_description: 'not today' },
    });

    const saved = await admin.post('/rules', { name: 'saved for try', script: script('saved'), order: 900 });
    const byId = await admin.post('/rules/try', { ...(await tryBody()), rule_id: saved.json['id'] });
    expect((byId.json['id_token'] as Json)['claims']).toMatchObject({ 'https://example.test/saved': true });

    const action = await admin.post('/actions/actions/try', {
      ...(await tryBody()),
      code: "exports.onExecutePostLogin = async (event, api) => { api.accessToken.setCustomClaim('https://example.test/act', event.user.email); };",
    });
    expect(action.status).toBe(200);
    expect((action.json['access_token'] as Json)['claims']).toMatchObject({
      'https://example.test/act': 'alice@example.com',
    });
    const pipeline = await admin.post('/actions/actions/try', { ...(await tryBody()), pipeline: true });
    expect(pipeline.status).toBe(200);

    const both = await admin.post('/rules/try', {
      ...(await tryBody()),
      rule_id: saved.json['id'],
      script: script('x'),
    });
    expect(both.status).toBe(400);
    const ghost = await admin.post('/rules/try', { ...(await tryBody()), user_id: 'auth0|ghost', script: script('x') });
    expect(ghost.status).toBe(404);
    expect(ghost.json['errorCode']).toBe('inexistent_user');
    const support = managementClient(server, await managementToken(server, 'support'));
    const refused = await support.post('/rules/try', { ...(await tryBody()), script: script('x') });
    expect(refused.json['message']).toBe('Insufficient scope, expected any of: create:rules,update:rules');
  });
});
