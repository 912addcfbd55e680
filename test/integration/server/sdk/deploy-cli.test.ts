import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../../support/server/demo-tenant';
import type { ScenarioResult, Step } from './scenario-process';
import { runScenario, stepsOf } from './scenario-process';
import type { AdminView } from './tls-management';
import { adminView, httpsCall } from './tls-management';
import type { TlsTestServer } from './tls-test-server';
import { startTlsTestServer } from './tls-test-server';

/**
 * The Deploy CLI's resource types this server implements (server/README.md, "Tested with Auth0's SDKs").
 * The others (tenant settings, branding, email templates, prompts, ...) call routes outside
 * shared/spec/auth0-wire.md §7, so the configuration leaves them out, as AUTH0_INCLUDED_ONLY allows.
 */
const EXPORT_TYPES = [
  'rules',
  'databases',
  'connections',
  'resourceServers',
  'clients',
  'clientGrants',
  'roles',
  'actions',
  'triggers',
  'attackProtection',
];
const IMPORT_TYPES = ['databases', 'connections', 'rules', 'resourceServers', 'roles', 'attackProtection'];

const RULE_SCRIPT = `function deployedClaim(user, context, callback) {
  context.idToken['https://gatehouse.test/deployed'] = 'yes';
  callback(null, user, context);
}
`;

const IMPORT_YAML = `databases:
  - name: deployed-db
    strategy: auth0
    enabled_clients:
      - Gatehouse Desktop
    options:
      passwordPolicy: good
      brute_force_protection: true
connections:
  - name: deployed-social
    strategy: google-oauth2
    enabled_clients: []
    options:
      scope: [email, profile]
rules:
  - name: Deployed claim rule
    script: ./rules/deployed-claim.js
    stage: login_success
    enabled: true
    order: 7
resourceServers:
  - name: Deployed API
    identifier: https://deployed.gatehouse.test/
    scopes:
      - value: read:deployed
        description: Read deployed things
    allow_offline_access: false
    token_lifetime: 900
    signing_alg: RS256
roles:
  - name: deployer
    description: Made by the Deploy CLI
    permissions:
      - permission_name: read:reports
        resource_server_identifier: ${demo.audience}
attackProtection:
  bruteForceProtection:
    enabled: true
    shields: [block, user_notification]
    mode: count_per_identifier_and_ip
    allowlist: []
    max_attempts: 7
`;

let server: TlsTestServer;
let admin: AdminView;
let result: ScenarioResult;
let step: (name: string) => Step;
let yamlDir: string;
let directoryDir: string;

beforeAll(async () => {
  server = await startTlsTestServer();
  yamlDir = join(server.folder, 'export-yaml');
  directoryDir = join(server.folder, 'export-directory');
  const importDir = join(server.folder, 'import');
  await mkdir(join(importDir, 'rules'), { recursive: true });
  await writeFile(join(importDir, 'tenant.yaml'), IMPORT_YAML);
  await writeFile(join(importDir, 'rules', 'deployed-claim.js'), RULE_SCRIPT);
  // The import validates its input against the CLI's whole JSON schema (about 8 MB, compiled by ajv on
  // every import), which alone takes tens of seconds of CPU on a busy 2-core machine.
  result = await runScenario(server, 'deploy-cli.mjs', [], {
    EXPORT_TYPES: JSON.stringify(EXPORT_TYPES),
    IMPORT_TYPES: JSON.stringify(IMPORT_TYPES),
    YAML_EXPORT_DIR: yamlDir,
    DIRECTORY_EXPORT_DIR: directoryDir,
    IMPORT_FILE: join(importDir, 'tenant.yaml'),
  });
  step = stepsOf(result);
  admin = await adminView(server);
}, 180_000);
afterAll(() => server?.close());

function succeeded(name: string): void {
  const outcome = step(name);
  expect(outcome.ok ? 'ok' : outcome.error).toBe('ok');
}

async function readJson(...path: string[]): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(directoryDir, ...path), 'utf8')) as Record<string, unknown>;
}

type Json = Record<string, unknown>;

describe('the Auth0 Deploy CLI over TLS, configured with AUTH0_DOMAIN, AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET', () => {
  it('exports the tenant as YAML, with the rule scripts beside it', async () => {
    succeeded('export.yaml');
    const yaml = await readFile(join(yamlDir, 'tenant.yaml'), 'utf8');
    for (const line of [
      '  - name: contractors',
      '  - name: employees',
      '    identifier: https://api.gatehouse.test/',
      '  - name: Add realm and roles claims',
      '    script: ./rules/Add realm and roles claims.js',
      '  - name: Gatehouse Desktop',
      '  - name: support',
      'attackProtection:',
      '  bruteForceProtection:',
    ]) {
      expect(yaml).toContain(`${line}\n`);
    }
    const rules = (await admin.get('/rules')).body as Json[];
    const demoRule = rules.find((rule) => rule['name'] === 'Add realm and roles claims');
    expect(await readFile(join(yamlDir, 'rules', 'Add realm and roles claims.js'), 'utf8')).toBe(demoRule?.['script']);
  });

  it('exports the tenant as a directory of JSON files in Auth0’s shapes, without the system Management API', async () => {
    succeeded('export.directory');
    expect((await readdir(join(directoryDir, 'database-connections'))).sort()).toEqual(['contractors', 'employees']);
    expect(await readJson('database-connections', 'employees', 'database.json')).toMatchObject({
      name: 'employees',
      strategy: 'auth0',
      // The CLI swaps client ids for names, so a config can move between tenants.
      enabled_clients: expect.arrayContaining(['Gatehouse Desktop', 'Gatehouse Backend']),
      options: { brute_force_protection: true },
    });
    expect(await readdir(join(directoryDir, 'resource-servers'))).toEqual(['Gatehouse Reports API.json']);
    expect(await readJson('resource-servers', 'Gatehouse Reports API.json')).toMatchObject({
      identifier: demo.audience,
      allow_offline_access: true,
      token_lifetime: 600,
      scopes: [
        { value: 'read:reports', description: expect.any(String) },
        { value: 'write:reports', description: expect.any(String) },
      ],
    });
    expect(await readJson('roles', 'support.json')).toMatchObject({
      name: 'support',
      permissions: expect.arrayContaining([
        { permission_name: 'read:users', resource_server_identifier: `${server.issuer}api/v2/` },
      ]),
    });
    expect(await readJson('clients', 'Gatehouse Desktop.json')).toMatchObject({
      app_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: expect.arrayContaining([demo.grants.passwordRealm, demo.grants.refreshToken]),
    });
    expect(await readJson('attack-protection', 'brute-force-protection.json')).toMatchObject({
      enabled: true,
      max_attempts: 10,
    });
    expect(await readJson('rules', 'Add realm and roles claims.json')).toMatchObject({ order: 1, enabled: true });
  });

  it('imports a connection, a database, a rule, an API, a role and brute-force settings, deleting nothing', async () => {
    succeeded('import.yaml');
    const clients = (await admin.get('/clients')).body as Json[];
    const desktopId = clients.find((client) => client['name'] === 'Gatehouse Desktop')?.['client_id'];
    expect((await admin.get('/connections?name=deployed-db')).body).toEqual([
      expect.objectContaining({
        strategy: 'auth0',
        options: expect.objectContaining({ passwordPolicy: 'good', brute_force_protection: true }),
        enabled_clients: [desktopId],
      }),
    ]);
    expect((await admin.get('/connections?name=deployed-social')).body).toEqual([
      expect.objectContaining({ strategy: 'google-oauth2' }),
    ]);
    const rules = (await admin.get('/rules')).body as Json[];
    expect(rules.map((rule) => rule['name']).sort()).toEqual(['Add realm and roles claims', 'Deployed claim rule']);
    expect(rules.find((rule) => rule['name'] === 'Deployed claim rule')).toMatchObject({
      order: 7,
      enabled: true,
      script: RULE_SCRIPT,
    });
    const apis = (await admin.get('/resource-servers')).body as Json[];
    expect(apis.find((api) => api['identifier'] === 'https://deployed.gatehouse.test/')).toMatchObject({
      name: 'Deployed API',
      token_lifetime: 900,
      allow_offline_access: false,
      scopes: [{ value: 'read:deployed', description: 'Read deployed things' }],
    });
    expect(apis.map((api) => api['identifier'])).toContain(demo.audience);
    const [role] = (await admin.get('/roles?name_filter=deployer')).body as Json[];
    expect(role).toMatchObject({ name: 'deployer', description: 'Made by the Deploy CLI' });
    expect((await admin.get(`/roles/${String(role?.['id'])}/permissions`)).body).toEqual([
      expect.objectContaining({ permission_name: 'read:reports', resource_server_identifier: demo.audience }),
    ]);
    expect((await admin.get('/attack-protection/brute-force-protection')).body).toMatchObject({ max_attempts: 7 });
  });

  it('the deployed rule runs at the next login', async () => {
    const login = await httpsCall(server, 'POST', '/oauth/token', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: demo.grants.passwordRealm,
        client_id: demo.clients.desktop.clientId,
        username: demo.users.alice.email,
        password: demo.users.alice.password,
        realm: demo.users.alice.realm,
        scope: 'openid',
      }).toString(),
    });
    expect(login.status).toBe(200);
    const idToken = String((login.body as Json)['id_token']);
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as Json;
    expect(claims['https://gatehouse.test/deployed']).toBe('yes');
  });

  it('logs the CLI’s writes as sapi, with its user agent and node-auth0’s telemetry', async () => {
    const events = (await admin.get('/logs?q=type:sapi&per_page=100')).body as Json[];
    expect(events.map((event) => event['description'])).toEqual(
      expect.arrayContaining(['Create a connection', 'Create a rule', 'Create a resource server', 'Create a role']),
    );
    for (const event of events) {
      expect(event).toMatchObject({
        client_id: demo.clients.adminM2m.clientId,
        user_agent: expect.stringMatching(/^deploy-cli\/\d+\.\d+\.\d+ /),
        auth0_client: { name: 'node-auth0' },
      });
    }
    expect((await admin.get('/logs?q=type:fapi')).body).toEqual([]);
  });
});
