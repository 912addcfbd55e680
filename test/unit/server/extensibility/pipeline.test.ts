import { afterAll, describe, expect, it } from 'vitest';
import { IsolatePool } from '../../../../server/extensibility/isolate-pool';
import { PostLoginPipeline } from '../../../../server/extensibility/pipeline';
import type { ActionToRun, PipelineScripts, RuleToRun } from '../../../../server/extensibility/pipeline-types';
import { SandboxLimitsSchema } from '../../../../server/extensibility/sandbox-limits';
import { loginFactsFixture } from '../../../support/server/login-facts-fixture';

const limits = SandboxLimitsSchema.parse({ scriptTimeoutMs: 500, pipelineTimeoutMs: 2_000 });
const pool = new IsolatePool(limits);
const pipeline = new PostLoginPipeline(pool, limits);
afterAll(() => pool.close());

const rule = (name: string, source: string): RuleToRun => ({ kind: 'rule', id: `rul_${name}`, name, source });
const action = (name: string, source: string, secrets: Record<string, string> = {}): ActionToRun => ({
  kind: 'action',
  id: `act-${name}`,
  name,
  source,
  secrets,
});
const scripts = (partial: Partial<PipelineScripts>): PipelineScripts => ({
  rules: [],
  actions: [],
  configuration: {},
  ...partial,
});

describe('PostLoginPipeline: rules', () => {
  it('runs rules in the given order over one context, and records which rule set each claim', async () => {
    const result = await pipeline.run(
      scripts({
        rules: [
          rule(
            'first',
            `function (user, context, callback) {
              context.idToken['https://x.test/who'] = user.email;
              context.accessToken['https://x.test/step'] = 1;
              callback(null, user, context);
            }`,
          ),
          rule(
            'second',
            `function (user, context, callback) {
              context.accessToken['https://x.test/step'] = context.accessToken['https://x.test/step'] + 1;
              context.accessToken['https://x.test/proto'] = context.protocol + ' ' + context.connection;
              callback(null, user, context);
            }`,
          ),
        ],
      }),
      loginFactsFixture(),
    );

    expect(result.stop).toBeNull();
    expect(result.idTokenClaims).toEqual({ 'https://x.test/who': 'alice@example.com' });
    expect(result.accessTokenClaims).toEqual({
      'https://x.test/step': 2,
      'https://x.test/proto': 'oauth2-password employees',
    });
    expect(result.provenance.map((p) => `${p.token}:${p.claim}:${p.script.name}`).sort()).toEqual([
      'access:https://x.test/proto:second',
      'access:https://x.test/step:second',
      'id:https://x.test/who:first',
    ]);
  });

  it('lets a rule narrow the scopes, and maps UnauthorizedError to 401 unauthorized with its message', async () => {
    const narrowed = await pipeline.run(
      scripts({
        rules: [
          rule(
            'narrow',
            `function (user, context, callback) {
              context.accessToken.scope = context.accessToken.scope.filter((s) => s !== 'write:reports');
              callback(null, user, context);
            }`,
          ),
        ],
      }),
      loginFactsFixture(),
    );
    expect(narrowed.scope).toEqual(['openid', 'profile', 'email', 'read:reports']);

    const denied = await pipeline.run(
      scripts({
        rules: [
          rule(
            'deny',
            `function (user, context, callback) { callback(new UnauthorizedError('contractors only on weekdays')); }`,
          ),
          rule(
            'never',
            `function (user, context, callback) { context.idToken['https://x.test/ran'] = true; callback(null, user, context); }`,
          ),
        ],
      }),
      loginFactsFixture(),
    );
    expect(denied.stop).toMatchObject({ kind: 'deny', error: 'unauthorized', message: 'contractors only on weekdays' });
    expect(denied.runs.map((run) => run.script.name)).toEqual(['deny']);
  });

  it('maps callback(new Error) and a thrown error to 403 access_denied with the message', async () => {
    for (const source of [
      `function (user, context, callback) { callback(new Error('no access today')); }`,
      `function (user, context, callback) { throw new Error('no access today'); }`,
      `async function (user, context, callback) { await null; throw new Error('no access today'); }`,
    ]) {
      const result = await pipeline.run(scripts({ rules: [rule('r', source)] }), loginFactsFixture());
      expect(result.stop).toMatchObject({ kind: 'deny', error: 'access_denied', message: 'no access today' });
    }
  });

  it('exposes configuration, captures console output, and turns context.multifactor into an MFA demand', async () => {
    const result = await pipeline.run(
      scripts({
        configuration: { GREETING: 'hello' },
        rules: [
          rule(
            'mfa',
            `function (user, context, callback) {
              console.log('greeting', configuration.GREETING, { roles: context.authorization.roles });
              context.multifactor = { provider: 'any', allowRememberBrowser: false };
              callback(null, user, context);
            }`,
          ),
        ],
      }),
      loginFactsFixture(),
    );
    expect(result.console).toEqual([
      { script: expect.objectContaining({ name: 'mfa' }), level: 'log', line: 'greeting hello {"roles":["admin"]}' },
    ]);
    expect(result.multifactor).toMatchObject({ provider: 'any', script: { name: 'mfa' } });
  });

  it('stops with a redirect only if context.redirect is still set once every rule ran', async () => {
    const set = `function (user, context, callback) { context.redirect = { url: 'https://x.test/consent' }; callback(null, user, context); }`;
    const clear = `function (user, context, callback) { delete context.redirect; callback(null, user, context); }`;
    const redirected = await pipeline.run(scripts({ rules: [rule('set', set)] }), loginFactsFixture());
    expect(redirected.stop).toMatchObject({ kind: 'redirect', url: 'https://x.test/consent' });
    const cleared = await pipeline.run(
      scripts({ rules: [rule('set', set), rule('clear', clear)] }),
      loginFactsFixture(),
    );
    expect(cleared.stop).toBeNull();
  });

  it('silently drops restricted, OIDC-standard and Auth0-namespaced claims, and says why', async () => {
    const result = await pipeline.run(
      scripts({
        rules: [
          rule(
            'greedy',
            `function (user, context, callback) {
              context.accessToken.sub = 'someone-else';
              context.accessToken.permissions = ['everything'];
              context.idToken.email = 'spoofed@example.com';
              context.idToken['https://auth0.com/x'] = 1;
              Object.defineProperty(context.idToken, '__proto__', { value: { polluted: true }, enumerable: true });
              context.idToken.plain = 'private claims are allowed';
              callback(null, user, context);
            }`,
          ),
        ],
      }),
      loginFactsFixture(),
    );
    expect(result.accessTokenClaims).toEqual({});
    expect(result.idTokenClaims).toEqual({ plain: 'private claims are allowed' });
    expect(result.dropped.map((d) => `${d.claim}:${d.reason}`).sort()).toEqual([
      '__proto__:restricted',
      'email:oidc_standard',
      'https://auth0.com/x:auth0_namespace',
      'permissions:restricted',
      'sub:restricted',
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('PostLoginPipeline: actions', () => {
  it('runs actions after rules with the event and secrets, applying api calls in order', async () => {
    const result = await pipeline.run(
      scripts({
        rules: [
          rule(
            'tag',
            `function (user, context, callback) { context.idToken['https://x.test/by'] = 'rule'; callback(null, user, context); }`,
          ),
        ],
        actions: [
          action(
            'claims',
            `exports.onExecutePostLogin = async (event, api) => {
              api.idToken.setCustomClaim('https://x.test/by', 'action');
              api.accessToken.setCustomClaim('https://x.test/plan', event.user.app_metadata.plan);
              api.accessToken.setCustomClaim('https://x.test/secret-len', event.secrets.KEY.length);
              api.accessToken.setCustomClaim('https://x.test/meta', [event.transaction.protocol, event.client.client_id, event.connection.name, event.authorization.roles[0], event.stats.logins_count, event.request.ip, event.resource_server.identifier]);
              api.accessToken.removeScope('write:reports');
              api.accessToken.addScope('read:extra');
            };`,
            { KEY: 'abcd' },
          ),
        ],
      }),
      loginFactsFixture(),
    );
    expect(result.stop).toBeNull();
    expect(result.idTokenClaims).toEqual({ 'https://x.test/by': 'action' });
    expect(result.accessTokenClaims).toEqual({
      'https://x.test/plan': 'gold',
      'https://x.test/secret-len': 4,
      'https://x.test/meta': [
        'oauth2-password',
        'gatehouse-desktop',
        'employees',
        'admin',
        3,
        '203.0.113.7',
        'https://api.gatehouse.test/',
      ],
    });
    expect(result.scope).toEqual(['openid', 'profile', 'email', 'read:reports', 'read:extra']);
    expect(result.provenance.find((p) => p.claim === 'https://x.test/by')?.script).toEqual({
      kind: 'action',
      id: 'act-claims',
      name: 'claims',
    });
    // A script reference names the script; it never carries its source or its secrets.
    expect(JSON.stringify(result)).not.toContain('abcd');
  });

  it('api.access.deny stops the flow with access_denied; canRedirect() is false and sendUserTo stops it too', async () => {
    const denied = await pipeline.run(
      scripts({
        actions: [
          action('deny', `exports.onExecutePostLogin = async (event, api) => { api.access.deny('not from there'); };`),
          action(
            'after',
            `exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('x', 1); };`,
          ),
        ],
      }),
      loginFactsFixture(),
    );
    expect(denied.stop).toMatchObject({ kind: 'deny', error: 'access_denied', message: 'not from there' });
    expect(denied.runs).toHaveLength(1);

    const redirected = await pipeline.run(
      scripts({
        actions: [
          action(
            'redirect',
            `exports.onExecutePostLogin = async (event, api) => {
              api.idToken.setCustomClaim('https://x.test/can', api.redirect.canRedirect());
              api.redirect.sendUserTo('https://x.test/more');
            };`,
          ),
        ],
      }),
      loginFactsFixture(),
    );
    expect(redirected.stop).toMatchObject({ kind: 'redirect', url: 'https://x.test/more' });
    expect(redirected.idTokenClaims).toEqual({ 'https://x.test/can': false });
  });

  it('api.multifactor.enable demands MFA; a throwing action denies with its message', async () => {
    const mfa = await pipeline.run(
      scripts({
        actions: [
          action('mfa', `exports.onExecutePostLogin = async (event, api) => { api.multifactor.enable('any'); };`),
        ],
      }),
      loginFactsFixture(),
    );
    expect(mfa.multifactor).toMatchObject({ provider: 'any', script: { kind: 'action', name: 'mfa' } });

    const thrown = await pipeline.run(
      scripts({ actions: [action('boom', `exports.onExecutePostLogin = async () => { throw new Error('kaput'); };`)] }),
      loginFactsFixture(),
    );
    expect(thrown.stop).toMatchObject({ kind: 'deny', error: 'access_denied', message: 'kaput', cause: 'error' });
  });
});
