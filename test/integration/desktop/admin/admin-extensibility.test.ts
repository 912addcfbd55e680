import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DryRunReport } from '../../../../common/admin/dry-run.schema';
import type { Action, ActionVersion, Binding, Rule, RuleRevision } from '../../../../common/admin/extensibility.schema';
import type { LogEvent } from '../../../../common/admin/log.schema';
import type { User } from '../../../../common/admin/user.schema';
import { cheapArgon2 } from '../../../support/server/cheap-hasher';
import { demo } from '../../../support/server/demo-tenant';
import { startTestServer, type TestServer } from '../../../support/server/start-test-server';
import { adminDesk, type AdminDesk } from './admin-desk';

// Rules, post-login actions, the dry-run extension and the tenant log through the admin pane's channels,
// against the real reference server (its isolated-vm sandbox runs the scripts), with the M2M client.
let server: TestServer;
let desk: AdminDesk;
let via: AdminDesk['m2m'];
let alice: User;

beforeAll(async () => {
  server = await startTestServer({ server: { passwordHasher: await cheapArgon2() } });
  desk = await adminDesk(server);
  via = desk.m2m;
  const found = await desk.value<{ items: User[] }>('admin:listUsers', { via, q: `email:"${demo.users.alice.email}"` });
  alice = found.items[0] as User;
});
afterAll(async () => {
  await desk.close();
  await server.close();
});

const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;
const claimRule = (claim: string, value: string) =>
  `function (user, context, callback) {\n  context.idToken['https://qa.example/${claim}'] = '${value}';\n  callback(null, user, context);\n}`;

describe('rules, actions, dry runs and logs over IPC', { timeout: 60_000 }, () => {
  it('creates rules, refuses a duplicate order, reorders them, edits, restores and deletes', async () => {
    const seeded = await desk.value<Rule[]>('admin:listRules', { via });
    const top = Math.max(0, ...seeded.map((rule) => rule.order));
    const first = await desk.value<Rule>('admin:createRule', {
      via,
      rule: { name: unique('first'), script: claimRule('first', 'one'), order: top + 1, enabled: false },
    });
    const clash = await desk.call('admin:createRule', {
      via,
      rule: { name: unique('clash'), script: claimRule('x', 'y'), order: top + 1 },
    });
    expect(clash).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Could not create the rule: A rule with the same order already exists',
        nextStep: expect.stringMatching(/another rule name or order/),
        detail: { status: 409, error: 'rule_conflict' },
      },
    });
    const second = await desk.value<Rule>('admin:createRule', {
      via,
      rule: { name: unique('second'), script: claimRule('second', 'two'), order: top + 2, enabled: false },
    });

    // The new pair goes first, the seeded rules follow in their old order.
    const wanted = [second.id, first.id, ...seeded.map((rule) => rule.id)];
    const reordered = await desk.value<Rule[]>('admin:reorderRules', { via, ids: wanted });
    expect(reordered.map((rule) => [rule.id, rule.order])).toEqual(wanted.map((id, index) => [id, index + 1]));
    const partial = await desk.call('admin:reorderRules', { via, ids: [second.id] });
    expect(partial).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const edited = await desk.value<Rule>('admin:updateRule', {
      via,
      id: first.id,
      patch: { script: claimRule('first', 'changed'), enabled: true },
    });
    expect(edited).toMatchObject({ enabled: true, script: expect.stringContaining('changed') });
    const history = await desk.value<RuleRevision[]>('admin:listRuleHistory', { via, id: first.id });
    expect(history[0]?.script).toContain("'one'");
    const restored = await desk.value<Rule>('admin:restoreRule', { via, id: first.id, revision: history[0]?.id });
    expect(restored.script).toContain("'one'");

    const enabledOnly = await desk.value<Rule[]>('admin:listRules', { via, enabled: true });
    expect(enabledOnly.map((rule) => rule.id)).toContain(first.id);
    expect(enabledOnly.map((rule) => rule.id)).not.toContain(second.id);
    for (const rule of [first, second]) await desk.value('admin:deleteRule', { via, id: rule.id });
    expect(await desk.call('admin:getRule', { via, id: first.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('test-runs a saved rule, unsaved source and the pipeline without signing in, naming each claim’s source', async () => {
    const rule = await desk.value<Rule>('admin:createRule', {
      via,
      rule: { name: unique('dry'), script: claimRule('dry', 'saved') },
    });
    const login = { userId: alice.user_id, clientId: demo.clients.desktop.clientId, scope: ['openid', 'email'] };

    const saved = await desk.value<DryRunReport>('admin:tryRule', {
      via,
      ...login,
      target: { kind: 'saved', id: rule.id },
    });
    expect(saved).toMatchObject({ outcome: 'allow', idTokenClaims: { 'https://qa.example/dry': 'saved' } });
    expect(saved.provenance).toContainEqual({
      token: 'id',
      claim: 'https://qa.example/dry',
      script: { kind: 'rule', id: rule.id, name: rule.name },
    });

    const denied = await desk.value<DryRunReport>('admin:tryRule', {
      via,
      ...login,
      target: { kind: 'source', source: 'function (user, context, callback) { callback(new Error("not today")); }' },
    });
    expect(denied).toMatchObject({
      outcome: 'deny',
      error: { error: 'access_denied', errorDescription: 'not today' },
      stoppedBy: { kind: 'rule' },
    });

    const pipeline = await desk.value<DryRunReport>('admin:tryRule', { via, ...login, target: { kind: 'pipeline' } });
    expect(pipeline.idTokenClaims).toMatchObject({ 'https://qa.example/dry': 'saved' });
    expect(JSON.stringify(pipeline)).not.toMatch(/"(access|id)_?token":/i);

    const nobody = await desk.call('admin:tryRule', {
      via,
      ...login,
      userId: 'auth0|nobody',
      target: { kind: 'pipeline' },
    });
    expect(nobody).toMatchObject({ ok: false, error: { code: 'not_found', detail: { status: 404 } } });
    await desk.value('admin:deleteRule', { via, id: rule.id });
  });

  it('creates, deploys, binds, test-runs and rolls back a post-login action', async () => {
    const code = (value: string) =>
      `exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('https://qa.example/act', '${value}'); };`;
    const action = await desk.value<Action>('admin:createAction', {
      via,
      action: { name: unique('act'), code: code('v1') },
    });
    expect(action.supported_triggers).toEqual([{ id: 'post-login', version: 'v3' }]);
    const v1 = await desk.value<ActionVersion>('admin:deployAction', { via, id: action.id });
    expect(v1).toMatchObject({ deployed: true, code: code('v1') });
    await desk.value('admin:updateAction', { via, id: action.id, patch: { code: code('v2') } });
    const v2 = await desk.value<ActionVersion>('admin:deployAction', { via, id: action.id });
    expect(v2.number).toBeGreaterThan(v1.number ?? 0);

    const bound = await desk.value<Binding[]>('admin:setBindings', {
      via,
      bindings: [{ ref: { type: 'action_id', value: action.id }, display_name: 'QA claim' }],
    });
    expect(bound.map((binding) => binding.action.id)).toEqual([action.id]);
    expect((await desk.value<Binding[]>('admin:listBindings', { via })).map((binding) => binding.display_name)).toEqual(
      ['QA claim'],
    );

    const login = { userId: alice.user_id, clientId: demo.clients.desktop.clientId, scope: ['openid'] };
    const tried = await desk.value<DryRunReport>('admin:tryAction', {
      via,
      ...login,
      target: { kind: 'saved', id: action.id },
    });
    expect(tried.idTokenClaims).toMatchObject({ 'https://qa.example/act': 'v2' });

    const rolledBack = await desk.value<ActionVersion>('admin:rollbackAction', { via, id: action.id });
    expect(rolledBack).toMatchObject({ deployed: true, code: code('v1') });
    const versions = await desk.value<ActionVersion[]>('admin:listActionVersions', { via, id: action.id });
    expect(versions.map((version) => version.number)).toEqual([3, 2, 1]);

    const stillBound = await desk.call('admin:deleteAction', { via, id: action.id });
    expect(stillBound).toMatchObject({
      ok: false,
      error: { code: 'conflict', nextStep: expect.stringMatching(/trigger/) },
    });
    await desk.value('admin:setBindings', { via, bindings: [] });
    await desk.value('admin:deleteAction', { via, id: action.id });
    expect((await desk.value<Action[]>('admin:listActions', { via })).map((item) => item.id)).not.toContain(action.id);
  });

  it('searches the tenant log, reads it from a checkpoint, and gets one event', async () => {
    const search = await desk.value<{ items: LogEvent[]; total: number }>('admin:searchLogs', {
      via,
      q: 'type:sapi',
      perPage: 5,
    });
    expect(search.items.length).toBeGreaterThan(0);
    expect(search.items.every((event) => event.type === 'sapi')).toBe(true);

    const newest = await desk.value<{ items: LogEvent[]; next: string | null }>('admin:readLogs', { via, take: 3 });
    expect(newest.items).toHaveLength(3);
    expect(newest.next).toBe(newest.items[2]?.log_id);
    // Nothing new yet: the checkpoint stays put. Then one write makes exactly one new `sapi` event.
    expect(await desk.value('admin:readLogs', { via, from: newest.next })).toEqual({ items: [], next: newest.next });
    await desk.value('admin:updateBruteForce', { via, patch: { enabled: true } });
    const after = await desk.value<{ items: LogEvent[]; next: string | null }>('admin:readLogs', {
      via,
      from: newest.next,
    });
    expect(after.items.map((event) => event.type)).toEqual(['sapi']);
    expect(after.next).toBe(after.items[0]?.log_id);

    const one = await desk.value<LogEvent>('admin:getLog', { via, logId: after.items[0]?.log_id });
    expect(one).toMatchObject({ type: 'sapi', client_id: demo.clients.adminM2m.clientId });
    const bad = await desk.call('admin:searchLogs', { via, q: 'nonsense_field:1' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', detail: { error: 'invalid_query_string' } },
    });
  });
});
