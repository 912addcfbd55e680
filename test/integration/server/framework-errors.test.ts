import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../support/server/start-test-server';

// Requests Fastify refuses before any route runs still get the API's own error shape, never cached.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('malformed URLs', () => {
  it('answer the Authentication API in the OAuth error shape with no-store', async () => {
    const response = await fetch(`${server.url}/mfa/authenticators/%E0%A4%A`, { method: 'DELETE' });
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ error: expect.any(String), error_description: expect.any(String) });
  });

  it('answer the Management API in its {statusCode, error, message, errorCode} shape', async () => {
    const response = await fetch(`${server.url}/api/v2/users/%E0%A4%A`);
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({
      statusCode: 400,
      error: expect.any(String),
      message: expect.any(String),
      errorCode: expect.any(String),
    });
  });

  it('accept a resource-server identifier longer than 100 characters as a path parameter', async () => {
    const id = `https://api.example.com/${'x'.repeat(150)}`;
    const response = await fetch(`${server.url}/api/v2/resource-servers/${encodeURIComponent(id)}`);
    // Without a token this is a 401 from the route itself, not Fastify's 404 for an over-long parameter.
    expect(response.status).toBe(401);
  });
});
