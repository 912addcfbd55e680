import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateTransportError } from '../../../../main/auth/error-translation';
import { createHttpClient } from '../../../../main/net/http-client';

// One small server with a route per behaviour the factory must have.
let server: Server;
let base: string;
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request.headers);
    if (request.url === '/slow') return; // never answers
    if (request.url === '/redirect') {
      response.writeHead(302, { Location: '/elsewhere' });
      return response.end();
    }
    if (request.url === '/huge') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      return response.end(`"${'x'.repeat(2 * 1024 * 1024)}"`);
    }
    if (request.url === '/elsewhere') return response.end('followed');
    response.writeHead(400, { 'Content-Type': 'application/json' });
    response.end('{"error":"invalid_request"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('createHttpClient', () => {
  it('names the app and its version in the User-Agent of every request', async () => {
    await createHttpClient({ userAgent: 'Gatehouse/1.2.3 (test)' }).get(`${base}/any`);
    expect(seen.at(-1)?.['user-agent']).toBe('Gatehouse/1.2.3 (test)');
  });

  it('hands back 4xx answers with their body as text, for the error translator', async () => {
    const response = await createHttpClient({ userAgent: 'x' }).post<string>(`${base}/token`, 'a=b');
    expect(response.status).toBe(400);
    expect(response.data).toBe('{"error":"invalid_request"}');
  });

  it('gives up after the timeout, which translates to a timeout error', async () => {
    const started = Date.now();
    const outcome = await createHttpClient({ userAgent: 'x', timeoutMs: 300 })
      .get(`${base}/slow`)
      .catch((error: unknown) => translateTransportError(error, `${base}/slow`));
    expect(outcome).toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('lets one request set its own timeout', async () => {
    const outcome = await createHttpClient({ userAgent: 'x', timeoutMs: 60_000 })
      .get(`${base}/slow`, { timeout: 200 })
      .catch((error: unknown) => translateTransportError(error, `${base}/slow`));
    expect(outcome).toMatchObject({ code: 'timeout' });
  });

  it('does not follow redirects, which would re-send credentials elsewhere', async () => {
    const response = await createHttpClient({ userAgent: 'x' }).get(`${base}/redirect`);
    expect(response.status).toBe(302);
  });

  it('refuses an answer too large to be a token response', async () => {
    const outcome = await createHttpClient({ userAgent: 'x' })
      .get(`${base}/huge`)
      .catch((error: unknown) => translateTransportError(error, `${base}/huge`));
    expect(outcome).toMatchObject({ code: 'server_error', message: expect.stringMatching(/far too large/) });
  });
});
