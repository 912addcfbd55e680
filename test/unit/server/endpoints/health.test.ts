import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerHealthEndpoint } from '../../../../server/endpoints/health';

async function health(checkDatabase?: () => void) {
  const app = Fastify();
  registerHealthEndpoint(app, checkDatabase === undefined ? {} : { checkDatabase });
  const response = await app.inject({ method: 'GET', url: '/health' });
  await app.close();
  return response;
}

describe('GET /health', () => {
  it('answers 200 {"status":"ok"} when the database answers', async () => {
    let checked = 0;
    const response = await health(() => {
      checked += 1;
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(checked).toBe(1);
  });

  it('answers 503 {"status":"unavailable"} without details when the database does not', async () => {
    const response = await health(() => {
      throw Object.assign(new Error('SQLITE_CORRUPT: database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    });
    expect(response.statusCode).toBe(503);
    expect(response.body).toBe('{"status":"unavailable"}');
  });
});
