import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DryRunService } from '../../../../server/extensibility/dry-run';
import { IsolatePool } from '../../../../server/extensibility/isolate-pool';
import { PostLoginPipeline } from '../../../../server/extensibility/pipeline';
import { SandboxLimitsSchema } from '../../../../server/extensibility/sandbox-limits';
import { IssuerRef } from '../../../../server/issuer';
import { seedDemoTenant } from '../../../../server/seed/demo-tenant';
import type { SqliteDatabase } from '../../../../server/storage/database';
import { openMemoryDatabase } from '../../../../server/storage/database';
import type { Repositories } from '../../../../server/storage/repositories';
import { createSqliteRepositories } from '../../../../server/storage/repositories';
import { TenantResourceServerDirectory } from '../../../../server/tenant/resource-server-directory';
import { cheapArgon2 } from '../../../support/server/cheap-hasher';

const limits = SandboxLimitsSchema.parse({ scriptTimeoutMs: 500, pipelineTimeoutMs: 1_000 });
const pool = new IsolatePool(limits);
let repos: Repositories;
let db: SqliteDatabase;
let dryRun: DryRunService;
let alice: string;
let admin: string;

beforeAll(async () => {
  db = openMemoryDatabase();
  const issuer = new IssuerRef('http://127.0.0.1:4000/', 'http');
  repos = createSqliteRepositories(db, Date.now, undefined, { issuer });
  await seedDemoTenant(repos, await cheapArgon2());
  const employees = repos.connections.findByName('employees');
  if (!employees) throw new Error('no employees connection');
  alice = repos.users.findByIdentifier(employees.id, 'alice@example.com')?.id ?? '';
  admin = repos.users.findByIdentifier(employees.id, 'admin@example.com')?.id ?? '';
  dryRun = new DryRunService({
    rules: repos.rules,
    ruleConfigs: repos.ruleConfigs,
    actions: repos.actions,
    actionBindings: repos.actionBindings,
    roles: { roleNamesFor: (userId) => repos.roles.rolesForUser(userId).map((role) => role.name) },
    authenticators: repos.authenticators,
    tenant: () => '127.0.0.1:4000',
    clock: Date.now,
    pipeline: new PostLoginPipeline(pool, limits),
    users: repos.users,
    clients: repos.clients,
    connections: repos.connections,
    resourceServers: new TenantResourceServerDirectory(repos.resourceServers, issuer),
    mfaSettings: repos.mfaSettings,
    defaultAudience: () => repos.settings.get().defaultAudience,
    permissions: repos.roles,
  });
});
afterAll(() => pool.close());

const base = { clientId: 'gatehouse-desktop', scope: ['openid', 'profile'] };

describe('DryRunService', () => {
  it('runs the whole pipeline (the seeded rule) without issuing tokens, and reports claim provenance', async () => {
    const outcome = await dryRun.run({ ...base, userId: `auth0|${admin}`, target: { kind: 'pipeline' } });
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.report.outcome).toBe('allow');
    expect(outcome.report.idToken.claims).toEqual({
      'https://gatehouse.test/realm': 'employees',
      'https://gatehouse.test/roles': ['admin'],
    });
    expect(outcome.report.accessToken.scope).toEqual(['openid', 'profile', 'read:reports', 'write:reports']);
    expect(outcome.report.provenance).toContainEqual({
      token: 'access',
      claim: 'https://gatehouse.test/roles',
      script: { kind: 'rule', id: expect.stringMatching(/^rul_/), name: 'Add realm and roles claims' },
    });
    // Nothing was issued or started: no refresh token, no MFA transaction.
    expect(db.prepare('SELECT count(*) AS n FROM refresh_tokens').get()).toEqual({ n: 0 });
  });

  it('runs one unsaved rule with the refresh protocol, and reports a deny with the status a login would get', async () => {
    const outcome = await dryRun.run({
      ...base,
      userId: alice,
      protocol: 'oauth2-refresh-token',
      target: {
        kind: 'rule-source',
        name: 'draft',
        script: `function (user, context, callback) {
          console.log('protocol', context.protocol);
          callback(new UnauthorizedError('no refresh for ' + user.email));
        }`,
      },
    });
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.report).toMatchObject({
      outcome: 'deny',
      stoppedBy: { kind: 'rule', name: 'draft' },
      error: { status: 401, error: 'unauthorized', error_description: 'no refresh for alice@example.com' },
      console: [{ line: 'protocol oauth2-refresh-token', level: 'log' }],
    });
  });

  it('runs an action draft by id with its secrets, and reports an MFA demand and a redirect', async () => {
    const action = repos.actions.create({
      name: 'draft action',
      supportedTriggers: [{ id: 'post-login', version: 'v3' }],
      code: `exports.onExecutePostLogin = async (event, api) => {
        api.idToken.setCustomClaim('https://x.test/k', event.secrets.K);
        api.multifactor.enable('any');
      };`,
      secrets: [{ name: 'K', value: 'v' }],
    });
    const mfa = await dryRun.run({ ...base, userId: alice, target: { kind: 'action', id: action.id } });
    if (!mfa.ok) throw new Error(mfa.reason);
    expect(mfa.report).toMatchObject({
      outcome: 'mfa_required',
      mfaReason: 'action draft action',
      idToken: { claims: { 'https://x.test/k': 'v' } },
    });
    expect(db.prepare('SELECT count(*) AS n FROM mfa_transactions').get()).toEqual({ n: 0 });

    const redirect = await dryRun.run({
      ...base,
      userId: alice,
      target: {
        kind: 'action-source',
        code: `exports.onExecutePostLogin = async (e, api) => api.redirect.sendUserTo('https://x.test/');`,
      },
    });
    expect(redirect.ok && redirect.report).toMatchObject({
      outcome: 'redirect',
      redirectUrl: 'https://x.test/',
      error: { error: 'interaction_required', status: 400 },
    });
  });

  it('names what it could not find instead of throwing', async () => {
    expect(await dryRun.run({ ...base, userId: 'nobody', target: { kind: 'pipeline' } })).toEqual({
      ok: false,
      reason: 'user_not_found',
    });
    expect(await dryRun.run({ ...base, userId: alice, clientId: 'nope', target: { kind: 'pipeline' } })).toEqual({
      ok: false,
      reason: 'client_not_found',
    });
    expect(await dryRun.run({ ...base, userId: alice, target: { kind: 'rule', id: 'rul_missing' } })).toEqual({
      ok: false,
      reason: 'script_not_found',
    });
    expect(
      await dryRun.run({ ...base, userId: alice, audience: 'https://unknown.test/', target: { kind: 'pipeline' } }),
    ).toEqual({ ok: false, reason: 'audience_not_found' });
  });
});
