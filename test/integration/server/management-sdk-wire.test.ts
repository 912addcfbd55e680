import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagementClient } from '../../support/server/management';
import { managementClient, managementToken } from '../../support/server/management';
import type { TestServer } from '../../support/server/start-test-server';
import { startTestServer } from '../../support/server/start-test-server';

// Regression tests, with plain HTTP, for what running Auth0's SDKs and the Deploy CLI against the server
// showed (test/integration/server/sdk/ runs the SDKs themselves).

let server: TestServer;
let admin: ManagementClient;
let support: ManagementClient;
let adminToken: string;

type Json = Record<string, unknown>;

beforeAll(async () => {
  server = await startTestServer();
  adminToken = await managementToken(server, 'admin');
  admin = managementClient(server, adminToken);
  support = managementClient(server, await managementToken(server, 'support'));
});
afterAll(() => server.close());

/** What node-auth0 sends: base64url of a small JSON object. */
const telemetry = { name: 'node-auth0', version: '6.4.0', env: { node: '24.0.0' } };
const telemetryHeader = Buffer.from(JSON.stringify(telemetry)).toString('base64url');

describe('attack-protection add-ons this tenant does not have', () => {
  it.each(['bot-detection', 'captcha'])(
    'answers GET and PATCH /attack-protection/%s with Auth0’s 403 for a tenant without it',
    async (path) => {
      const api = path === 'captcha' ? 'CAPTCHA' : 'Bot Detection';
      const body = {
        statusCode: 403,
        error: 'Forbidden',
        message: `${api} API is not enabled for this tenant.`,
        errorCode: 'insufficient_scope',
      };
      const read = await admin.get(`/attack-protection/${path}`);
      expect(read.status).toBe(403);
      expect(read.body).toEqual(body);
      const write = await admin.patch(`/attack-protection/${path}`, { bot_detection_level: 'high' });
      expect(write.status).toBe(403);
      expect(write.body).toEqual(body);
    },
  );

  it('checks the caller’s scopes first, as for every route', async () => {
    const refused = await support.get('/attack-protection/bot-detection');
    expect(refused.status).toBe(403);
    expect(refused.json['message']).toBe('Insufficient scope, expected any of: read:attack_protection');
  });

  it('logs a refused PATCH as fapi', async () => {
    await admin.patch('/attack-protection/captcha', {});
    const failures = (await admin.get('/logs?q=type:fapi')).body as Json[];
    expect(failures.map((event) => event['description'])).toContain('Update CAPTCHA settings');
  });
});

describe('SDK telemetry (Auth0-Client) on Management API log events', () => {
  it('keeps the decoded Auth0-Client header as auth0_client on sapi and fapi events', async () => {
    const headers = {
      authorization: `Bearer ${adminToken}`,
      'content-type': 'application/json',
      'auth0-client': telemetryHeader,
    };
    const created = await admin.raw('POST', '/rules', {
      headers,
      body: JSON.stringify({ name: 'telemetry rule', script: 'function (u, c, cb) { cb(null, u, c); }' }),
    });
    expect(created.status).toBe(201);
    const refused = await admin.raw('POST', '/rules', { headers, body: JSON.stringify({ name: 'no script' }) });
    expect(refused.status).toBe(400);

    const [success] = (await admin.get('/logs?q=type:sapi&per_page=1')).body as Json[];
    expect(success).toMatchObject({ description: 'Create a rule', auth0_client: telemetry });
    const [failure] = (await admin.get('/logs?q=type:fapi&per_page=1')).body as Json[];
    expect(failure).toMatchObject({ description: 'Create a rule', auth0_client: telemetry });
  });

  it('leaves auth0_client out when the header is missing or not base64url JSON', async () => {
    for (const header of [undefined, 'not-json', Buffer.from('[1,2]').toString('base64url')]) {
      const response = await admin.raw('PATCH', '/attack-protection/brute-force-protection', {
        headers: {
          authorization: `Bearer ${adminToken}`,
          'content-type': 'application/json',
          ...(header !== undefined && { 'auth0-client': header }),
        },
        body: JSON.stringify({ max_attempts: 10 }),
      });
      expect(response.status).toBe(200);
      const [event] = (await admin.get('/logs?q=type:sapi&per_page=1')).body as Json[];
      expect(event).toMatchObject({ description: 'Update brute-force protection settings' });
      expect(event).not.toHaveProperty('auth0_client');
    }
  });
});
