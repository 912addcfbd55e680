import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../../support/server/demo-tenant';
import type { ScenarioResult, Step } from './scenario-process';
import { runScenario, stepsOf } from './scenario-process';
import type { AdminView } from './tls-management';
import { adminView } from './tls-management';
import type { TlsTestServer } from './tls-test-server';
import { startTlsTestServer } from './tls-test-server';

const NS = 'https://gatehouse.test/';
const repoRoot = join(import.meta.dirname, '../../../..');

/** The installed version of an aliased SDK (`auth0-v4` → `4.37.1`), as its telemetry reports it. */
function installedVersion(alias: string): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'node_modules', alias, 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** A step that succeeded, with its recorded facts. */
function ok(step: Step): Record<string, unknown> {
  if (!step.ok) throw new Error(`step failed: ${JSON.stringify(step.error)}`);
  return step;
}

/** A step that failed, with the SDK's error (its class, status and parsed body). */
function failed(step: Step) {
  if (step.ok) throw new Error(`step succeeded, but a failure was expected: ${JSON.stringify(step)}`);
  return step.error;
}

const mgmtError = (statusCode: number, error: string, message: string, errorCode: string) => ({
  statusCode,
  error,
  message,
  errorCode,
});

/**
 * The management scenario (scenarios/management-scenario.mjs) through one major of node-auth0, in a child
 * process that trusts the test CA only through NODE_EXTRA_CA_CERTS and knows only a domain and client
 * credentials. One TLS server per file; the scenario runs once and each test checks one part of it.
 */
export function describeNodeAuth0(major: 'v4' | 'v6'): void {
  const prefix = `sdk-${major}`;
  const dbName = `${prefix}-db`;
  const email = `${prefix}@example.com`;
  const secondEmail = `second-${prefix}@example.com`;
  const version = installedVersion(`auth0-${major}`);
  // v4 throws ManagementApiError for every status; v6 has one class per status.
  const errorClass = (v6Class: string) => (major === 'v4' ? 'ManagementApiError' : v6Class);

  let server: TlsTestServer;
  let admin: AdminView;
  let result: ScenarioResult;
  let step: (name: string) => Step;

  beforeAll(async () => {
    server = await startTlsTestServer();
    result = await runScenario(server, 'node-auth0.mjs', [major]);
    step = stepsOf(result);
    admin = await adminView(server);
  }, 60_000);
  afterAll(() => server?.close());

  describe(`node-auth0 ${major} (${version}) over TLS, configured with only domain, clientId and clientSecret`, () => {
    it('creates, reads, updates (options wholesale), enables a client on, filters and pages connections', () => {
      const created = ok(step('connections.create'));
      expect(created['status']).toBe(201);
      expect(created['body']).toMatchObject({
        id: expect.stringMatching(/^con_/),
        name: dbName,
        strategy: 'auth0',
        options: { passwordPolicy: 'good', brute_force_protection: true },
        realms: [dbName],
      });
      expect(created['headers']).toMatchObject({
        'content-type': expect.stringMatching(/^application\/json/),
        'x-ratelimit-limit': '200',
        'x-ratelimit-remaining': expect.stringMatching(/^\d+$/),
        'x-ratelimit-reset': expect.stringMatching(/^\d{10}$/),
      });
      const id = (created['body'] as { id: string }).id;
      expect(ok(step('connections.get'))).toMatchObject({ status: 200, body: { id, name: dbName } });
      const updated = ok(step('connections.update'));
      expect(updated['body']).toMatchObject({ display_name: 'SDK database' });
      expect((updated['body'] as { options: unknown }).options).toEqual({
        passwordPolicy: 'fair',
        brute_force_protection: true,
      });
      expect(ok(step('connections.enableClient'))['status']).toBe(204);
      expect(ok(step('connections.enabledClients'))['clientIds']).toEqual([demo.clients.backend.clientId]);
      expect(ok(step('connections.filter'))['names']).toEqual([dbName]);
      expect([...(ok(step('connections.pages'))['names'] as string[])].sort()).toEqual([
        'contractors',
        'employees',
        dbName,
      ]);
    });

    it('creates users under the password policy, refuses a duplicate, reads and searches them with q (v3)', () => {
      expect(failed(step('users.createWeak'))).toMatchObject({
        type: errorClass('BadRequestError'),
        statusCode: 400,
        body: { statusCode: 400, errorCode: 'password_strength_error' },
      });
      const created = ok(step('users.create'));
      expect(created['status']).toBe(201);
      expect(created['body']).toMatchObject({
        user_id: expect.stringMatching(/^auth0\|/),
        email,
        email_verified: true,
        identities: [{ connection: dbName, provider: 'auth0', isSocial: false }],
        user_metadata: { team: prefix },
      });
      expect(failed(step('users.createDuplicate'))).toMatchObject({
        type: errorClass('ConflictError'),
        statusCode: 409,
        body: mgmtError(409, 'Conflict', 'The user already exists.', 'auth0_idp_error'),
      });
      const userId = (created['body'] as { user_id: string }).user_id;
      expect(ok(step('users.get'))).toMatchObject({ status: 200, body: { user_id: userId, email } });
      expect(ok(step('users.searchConnection'))['emails']).toEqual([email, secondEmail]);
      expect(ok(step('users.searchEmail'))['ids']).toEqual([userId]);
      expect(ok(step('users.byEmail'))).toMatchObject({ status: 200, ids: [userId] });
    });

    it('pages users with include_totals, and the SDK walks every page', () => {
      expect(ok(step('users.pageWithTotals'))).toMatchObject({
        totals: { start: 1, limit: 1, length: 1, total: 2 },
        count: 1,
      });
      expect(ok(step('users.allPages'))['emails']).toEqual([email, secondEmail]);
    });

    it('signs in with password-realm (ID token checked by the SDK), refreshes with rotation, reads userinfo', () => {
      const login = ok(step('auth.login'));
      expect(login).toMatchObject({ status: 200, hasRefreshToken: true });
      expect(login['scope']).toContain('offline_access');
      expect(login['idToken']).toMatchObject({ iss: server.issuer, email, [`${NS}realm`]: dbName });
      expect(ok(step('auth.refresh'))).toMatchObject({ status: 200, rotated: true });
      expect(ok(step('auth.userInfo'))).toMatchObject({ status: 200, email });
    });

    it('blocks a user (refresh and login refused), unblocks them, and revokes a refresh token', () => {
      expect(ok(step('users.block'))['blocked']).toBe(true);
      expect(failed(step('auth.refreshWhileBlocked'))).toMatchObject({
        type: 'AuthApiError',
        statusCode: 403,
        body: { error: 'invalid_grant' },
      });
      expect(failed(step('auth.loginWhileBlocked'))).toMatchObject({
        type: 'AuthApiError',
        statusCode: 401,
        body: { error: 'unauthorized', error_description: 'user is blocked' },
      });
      expect(ok(step('users.unblock'))['blocked']).toBe(false);
      expect(ok(step('auth.loginAfterUnblock'))['status']).toBe(200);
      expect(ok(step('auth.revoke'))['status']).toBe(200);
    });

    it('shows a brute-force block in user-blocks (by identifier and by user id) and clears it both ways', () => {
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        expect(failed(step(`auth.wrongPassword${attempt}`))).toMatchObject({
          statusCode: 403,
          body: { error: 'invalid_grant' },
        });
      }
      expect(failed(step('auth.loginWhileBruteForceBlocked'))).toMatchObject({
        statusCode: 429,
        body: { error: 'too_many_attempts' },
      });
      const block = { identifier: email, ip: '127.0.0.1', connection: dbName };
      expect(ok(step('userBlocks.get'))['body']).toEqual({ blocked_for: [block] });
      expect(ok(step('userBlocks.byIdentifier'))['body']).toEqual({ blocked_for: [block] });
      expect(ok(step('userBlocks.removeByIdentifier'))['status']).toBe(204);
      expect(ok(step('auth.loginAfterClearingBlock'))['status']).toBe(200);

      // After max_attempts went down to 3 (next test), three failures block, and DELETE by id clears it.
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        expect(failed(step(`auth.wrongPasswordAtThree${attempt}`))['statusCode']).toBe(403);
      }
      expect(failed(step('auth.loginAfterThreeFailures'))['statusCode']).toBe(429);
      expect(ok(step('userBlocks.remove'))['status']).toBe(204);
      expect(ok(step('auth.loginAfterRemovingBlock'))['status']).toBe(200);
    });

    it('reads and updates attack protection, and gets Auth0’s 403 for the bot-detection add-on', async () => {
      expect(ok(step('attackProtection.bruteForce'))['body']).toMatchObject({ enabled: true, max_attempts: 10 });
      expect(ok(step('attackProtection.updateBruteForce'))['body']).toMatchObject({ max_attempts: 3 });
      expect(ok(step('attackProtection.suspiciousIp'))['enabled']).toBe(true);
      expect(ok(step('attackProtection.updateSuspiciousIp'))['allowlist']).toEqual(['192.0.2.10']);
      expect(ok(step('attackProtection.breachedPassword'))['enabled']).toBe(false);
      expect(failed(step('attackProtection.botDetection'))).toMatchObject({
        type: errorClass('ForbiddenError'),
        statusCode: 403,
        body: mgmtError(403, 'Forbidden', 'Bot Detection API is not enabled for this tenant.', 'insufficient_scope'),
      });
      const stored = await admin.get('/attack-protection/brute-force-protection');
      expect(stored.body).toMatchObject({ max_attempts: 3 });
    });

    it('creates a role with a permission and assigns it; the next login carries it', async () => {
      const role = ok(step('roles.create'));
      expect(role).toMatchObject({ status: 200, body: { name: `${prefix}-role` } });
      expect(ok(step('roles.addPermissions'))['status']).toBe(201);
      expect(ok(step('roles.permissions'))['permissions']).toEqual([`${demo.audience} read:reports`]);
      expect(ok(step('users.assignRoles'))['status']).toBe(204);
      expect(ok(step('users.roles'))['names']).toEqual([`${prefix}-role`]);
      expect(ok(step('roles.users'))['emails']).toEqual([email]);
      expect(ok(step('roles.list'))).toMatchObject({ total: 3, names: ['admin', `${prefix}-role`, 'support'] });
      expect((ok(step('auth.loginWithRole'))['idToken'] as Record<string, unknown>)[`${NS}roles`]).toEqual([
        `${prefix}-role`,
      ]);
      const roleId = (role['body'] as { id: string }).id;
      expect((await admin.get(`/roles/${roleId}/permissions`)).body).toEqual([
        expect.objectContaining({ permission_name: 'read:reports', resource_server_identifier: demo.audience }),
      ]);
    });

    it('runs the rules lifecycle: create, order conflict, a login runs it, disable, list, delete', () => {
      expect(ok(step('rules.create'))).toMatchObject({
        status: 201,
        body: { name: `${prefix} claim rule`, order: 20, enabled: true, stage: 'login_success' },
      });
      expect(failed(step('rules.createSameOrder'))).toMatchObject({
        type: errorClass('ConflictError'),
        statusCode: 409,
        body: mgmtError(409, 'Conflict', 'A rule with the same order already exists', 'rule_conflict'),
      });
      expect(ok(step('rules.get'))['name']).toBe(`${prefix} claim rule`);
      expect((ok(step('auth.loginWithRule'))['idToken'] as Record<string, unknown>)[`${NS}sdk-rule`]).toBe(prefix);
      expect(ok(step('rules.disable'))['enabled']).toBe(false);
      expect(ok(step('rules.listDisabled'))['names']).toEqual([`${prefix} claim rule`]);
      expect(ok(step('auth.loginWithRuleDisabled'))['idToken']).not.toHaveProperty(`${NS}sdk-rule`);
      expect(ok(step('rules.remove'))['status']).toBe(204);
      expect(failed(step('rules.getRemoved'))).toMatchObject({
        type: errorClass('NotFoundError'),
        statusCode: 404,
        body: { errorCode: 'inexistent_rule' },
      });
    });

    it('creates and deploys an action and binds it to post-login; the next login runs it', async () => {
      expect(ok(step('actions.create'))).toMatchObject({ status: 201, name: `${prefix}-action` });
      expect(ok(step('actions.deploy'))).toMatchObject({ status: 202, number: 1, deployed: true });
      expect(ok(step('actions.versions'))['numbers']).toEqual([1]);
      expect(ok(step('actions.bind'))).toMatchObject({ status: 200, actions: [`${prefix}-action`] });
      expect(ok(step('actions.bindings'))['names']).toEqual([prefix]);
      expect((ok(step('auth.loginWithAction'))['idToken'] as Record<string, unknown>)[`${NS}sdk-action`]).toBe(dbName);
      const bindings = await admin.get('/actions/triggers/post-login/bindings');
      expect(bindings.body).toMatchObject({
        bindings: [{ display_name: prefix, action: { name: `${prefix}-action` } }],
      });
    });

    it('reads and updates a client', async () => {
      expect(ok(step('clients.get'))).toMatchObject({ status: 200, ipHeaderTrusted: true });
      expect(ok(step('clients.get'))['grantTypes']).toContain(demo.grants.passwordRealm);
      expect(ok(step('clients.update'))).toMatchObject({ status: 200, ipHeaderTrusted: false });
      const stored = await admin.get(`/clients/${demo.clients.backend.clientId}`);
      expect(stored.body).toMatchObject({ is_token_endpoint_ip_header_trusted: false });
    });

    it('creates, reads, updates, lists (with totals) and deletes a resource server', () => {
      const identifier = `https://${prefix}.gatehouse.test/`;
      expect(ok(step('resourceServers.create'))).toMatchObject({
        status: 201,
        body: { identifier, allow_offline_access: true, token_lifetime: 900, signing_alg: 'RS256' },
      });
      expect(ok(step('resourceServers.get'))['identifier']).toBe(identifier);
      expect(ok(step('resourceServers.update'))).toMatchObject({
        tokenLifetime: 1200,
        scopes: ['read:things', 'write:things'],
      });
      const listed = ok(step('resourceServers.list'));
      expect(listed['total']).toBe(3);
      expect(listed['identifiers']).toEqual(expect.arrayContaining([identifier, demo.audience]));
      expect(ok(step('resourceServers.remove'))['status']).toBe(204);
      expect(failed(step('resourceServers.getRemoved'))['statusCode']).toBe(404);
    });

    it('searches logs, pages them from a checkpoint, reads one, and they carry the SDK’s telemetry', () => {
      const searched = ok(step('logs.search'));
      expect(searched['status']).toBe(200);
      expect(searched['types']).toEqual(['sapi', 'sapi']);
      expect(searched['total']).toBeGreaterThan(10);
      expect(searched['auth0Client']).toMatchObject({ name: 'node-auth0', version });
      const checkpoint = ok(step('logs.checkpoint'));
      const ids = checkpoint['ids'] as string[];
      expect(ids.length).toBeGreaterThanOrEqual(1);
      expect(ids.length).toBeLessThanOrEqual(3);
      for (const id of ids) expect(id > (checkpoint['from'] as string)).toBe(true);
      expect(checkpoint['link']).toMatch(/rel="next"$/);
      expect(ok(step('logs.get'))).toMatchObject({ status: 200, type: 'sapi' });
    });

    it('refuses to delete a connection that has users, then deletes the users and the connection', async () => {
      expect(failed(step('connections.removeWithUsers'))).toMatchObject({
        // Auth0's spec lists no 409 for this route, so v6 has no ConflictError mapping for it.
        type: errorClass('ManagementError'),
        statusCode: 409,
        body: { statusCode: 409, errorCode: 'connection_has_users' },
      });
      expect(ok(step('users.remove'))['status']).toBe(204);
      expect(ok(step('users.removeSecond'))['status']).toBe(204);
      expect(failed(step('users.getRemoved'))).toMatchObject({
        type: errorClass('NotFoundError'),
        statusCode: 404,
        body: mgmtError(404, 'Not Found', 'The user does not exist.', 'inexistent_user'),
      });
      expect(ok(step('connections.remove'))['status']).toBe(204);
      expect(failed(step('connections.getRemoved'))['statusCode']).toBe(404);
      expect((await admin.get(`/connections?name=${dbName}`)).body).toEqual([]);
    });

    it('leaves every write in the tenant log as sapi, by the M2M client, with node-auth0’s telemetry', async () => {
      const logs = await admin.get('/logs?q=type:sapi&per_page=100');
      const events = logs.body as Record<string, unknown>[];
      const bySdk = events.filter((event) => event['client_id'] === demo.clients.adminM2m.clientId);
      expect(bySdk.length).toBeGreaterThan(20);
      for (const event of bySdk) {
        expect(event['auth0_client']).toMatchObject({ name: 'node-auth0', version });
      }
      expect(bySdk.map((event) => event['description'])).toEqual(
        expect.arrayContaining([
          'Create a connection',
          'Create a User',
          'Assign roles to a user',
          'Delete a connection',
        ]),
      );
    });
  });
}
