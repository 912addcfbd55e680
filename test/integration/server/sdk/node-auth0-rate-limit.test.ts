import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../../support/server/demo-tenant';
import { createTestClock } from '../../../support/server/test-clock';
import type { ScenarioResult } from './scenario-process';
import { runScenario } from './scenario-process';
import { adminView } from './tls-management';
import type { TlsTestServer } from './tls-test-server';
import { startTlsTestServer } from './tls-test-server';

// The server's clock stands still, so the M2M client's bucket never refills during the test.
const clock = createTestClock();
let server: TlsTestServer;
let result: ScenarioResult;

beforeAll(async () => {
  server = await startTlsTestServer({ clock: clock.now });
  result = await runScenario(server, 'rate-limit-v6.mjs');
}, 60_000);
afterAll(() => server?.close());

describe('node-auth0 v6 and the Management API rate limit', () => {
  it('reads X-RateLimit-* from every answer and counts down to 0', () => {
    expect(result['first']).toMatchObject({ 'x-ratelimit-limit': '200', 'x-ratelimit-remaining': '199' });
    expect(result['spent']).toBe(result['remaining']);
    expect(result['lastRemaining']).toBe('0');
  });

  it('retries the 429 as Retry-After says, then reports TooManyRequestsError with Auth0’s body and headers', async () => {
    expect(result['limited']).toEqual({
      ok: false,
      error: {
        type: 'TooManyRequestsError',
        statusCode: 429,
        message: expect.any(String),
        body: {
          statusCode: 429,
          error: 'Too Many Requests',
          message: 'Global limit has been reached',
          errorCode: 'too_many_requests',
        },
      },
      headers: expect.objectContaining({ 'retry-after': '1', 'x-ratelimit-remaining': '0' }),
    });
    // v6 makes the call and its two retries (maxRetries 2): each refused call is one api_limit event.
    const admin = await adminView(server);
    const limited = await admin.get('/logs?q=type:api_limit&per_page=100');
    const events = limited.body as Record<string, unknown>[];
    expect(events).toHaveLength(3);
    for (const event of events) {
      expect(event).toMatchObject({ client_id: demo.clients.adminM2m.clientId, auth0_client: { name: 'node-auth0' } });
    }
  });
});
