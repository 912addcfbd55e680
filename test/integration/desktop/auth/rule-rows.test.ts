import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../../support/server/demo-tenant';
import { startTestServer, type TestServer } from '../../../support/server/start-test-server';
import { management, type Management } from './management';
import { clientFor, testNetwork } from './reference-clients';

// spec/auth0-wire.md §2 rows 15–17: what a rule's outcome looks like to the desktop. The rule is created
// through the Management API, one at a time, and deleted afterwards.

let server: TestServer;
let admin: Management;
const network = testNetwork();
beforeAll(async () => {
  server = await startTestServer();
  admin = await management(server.issuer);
});
afterAll(() => server.close());

async function signInUnderRule(script: string) {
  const created = await admin.call('POST', 'rules', { name: `row-${Date.now()}`, script, enabled: true });
  const id = (created.json as { id?: string } | undefined)?.id;
  expect([200, 201]).toContain(created.status);
  try {
    const client = clientFor(network, { issuer: server.issuer, clientId: demo.clients.desktop.clientId });
    const result = await client.passwordGrant({
      realm: 'employees',
      username: demo.users.alice.email,
      password: demo.users.alice.password,
      scope: 'openid',
    });
    return result;
  } finally {
    if (id !== undefined) await admin.call('DELETE', `rules/${id}`);
  }
}

describe('rules that refuse a sign-in', () => {
  it.for([
    [
      'row 15: UnauthorizedError shows the rule’s own words',
      "function (user, context, callback) { return callback(new UnauthorizedError('Only staff on weekdays')); }",
      {
        code: 'access_denied',
        message: expect.stringContaining('Only staff on weekdays'),
        detail: { error: 'unauthorized' },
      },
    ],
    [
      'row 16: a plain Error shows the rule’s own words',
      "function (user, context, callback) { return callback(new Error('Contractors may not sign in on weekends')); }",
      {
        code: 'access_denied',
        message: expect.stringContaining('Contractors may not sign in on weekends'),
        detail: { error: 'access_denied' },
      },
    ],
    [
      'row 17: a redirect becomes interaction_required',
      "function (user, context, callback) { context.redirect = { url: 'https://example.com/consent' }; return callback(null, user, context); }",
      { code: 'interaction_required', detail: { error: 'interaction_required' } },
    ],
  ] as const)('%s', async ([, script, expected]) => {
    expect(await signInUnderRule(script)).toMatchObject({ ok: false, error: expected });
  });
});
