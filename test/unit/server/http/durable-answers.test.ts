import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installDurableAnswers, type CommitBarrier } from '../../../../server/http/durable-answers';

/** A barrier the test opens by hand, counting who waited on it. */
function manualBarrier() {
  const waiting: { open: () => void; fail: (error: Error) => void }[] = [];
  const barrier: CommitBarrier = {
    afterCommits: () => new Promise((open, fail) => waiting.push({ open: () => open(), fail })),
  };
  return { barrier, waiting };
}

async function app(barrier: CommitBarrier) {
  const server = Fastify();
  installDurableAnswers(server, barrier);
  server.post('/oauth/token', async () => ({ access_token: 'stored' }));
  server.post('/api/v2/users', async (_request, reply) => reply.code(201).send({ user_id: 'auth0|1' }));
  server.get('/.well-known/jwks.json', async () => ({ keys: [] }));
  await server.ready();
  return server;
}

describe('durable answers', () => {
  it('holds the answer to a write until the commits are on disk', async () => {
    const { barrier, waiting } = manualBarrier();
    const server = await app(barrier);
    let answered = false;
    const response = server.inject({ method: 'POST', url: '/oauth/token' }).then((reply) => {
      answered = true;
      return reply;
    });
    await expect.poll(() => waiting.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    waiting[0]?.open();
    expect((await response).json()).toEqual({ access_token: 'stored' });
  });

  it('does not hold reads', async () => {
    const { barrier, waiting } = manualBarrier();
    const server = await app(barrier);
    expect((await server.inject({ method: 'GET', url: '/.well-known/jwks.json' })).statusCode).toBe(200);
    expect(waiting).toHaveLength(0);
  });

  it('turns the answer into a 503 in each API’s error shape when the disk refuses, with no token in it', async () => {
    const failing: CommitBarrier = { afterCommits: () => Promise.reject(new Error('EIO: i/o error')) };
    const server = await app(failing);
    const token = await server.inject({ method: 'POST', url: '/oauth/token' });
    expect(token.statusCode).toBe(503);
    expect(token.headers['cache-control']).toBe('no-store');
    expect(token.json()).toEqual({
      error: 'temporarily_unavailable',
      error_description: 'The service is temporarily unavailable. Try again later.',
    });
    const management = await server.inject({ method: 'POST', url: '/api/v2/users' });
    expect(management.statusCode).toBe(503);
    expect(management.json()).toMatchObject({ statusCode: 503, errorCode: 'temporarily_unavailable' });
    expect(management.body).not.toContain('auth0|1');
  });
});
