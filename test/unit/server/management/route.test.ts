import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { NewLogEvent } from '../../../../server/logs/tenant-log';
import { ManagementAudit } from '../../../../server/management/audit';
import { renderManagementError } from '../../../../server/management/error-renderer';
import type { ManagementActor } from '../../../../server/management/auth';
import { registerRoutes } from '../../../../server/management/route';
import { inTransaction, openMemoryDatabase } from '../../../../server/storage/database';

const actor: ManagementActor = {
  kind: 'client',
  subject: 'gatehouse-admin-m2m@clients',
  clientId: 'gatehouse-admin-m2m',
  scopes: new Set(['create:roles']),
};

/** A bare Fastify with one write route that inserts a role through `commit`. */
async function appWith(write: (event: NewLogEvent) => void) {
  const db = openMemoryDatabase();
  const app = Fastify();
  app.decorateRequest('managementActor', null);
  app.decorateRequest('managementLogged', false);
  app.setErrorHandler((error, _request, reply) => {
    const rendered = renderManagementError(error);
    return reply.status(rendered.status).send(rendered.body);
  });
  app.addHook('onRequest', async (request) => {
    request.managementActor = actor;
  });
  registerRoutes(app, { audit: new ManagementAudit({ write }), transact: (work) => inTransaction(db, work) }, [
    {
      method: 'POST',
      url: '/roles',
      scopes: ['create:roles'],
      description: 'Create a role',
      status: 201,
      handler: (call) =>
        call.commit(() => {
          db.prepare(
            "INSERT INTO roles (id, name, description, created_at, updated_at) VALUES ('rol_1', 'r', '', 0, 0)",
          ).run();
          return { id: 'rol_1' };
        }),
    },
    { method: 'POST', url: '/other', scopes: ['update:roles'], description: 'Other', handler: () => ({}) },
  ]);
  const count = () => (db.prepare('SELECT count(*) AS n FROM roles').get() as { n: number }).n;
  return { app, count };
}

describe('registerRoutes', () => {
  it('writes the sapi event inside the write transaction, with the actor and a masked body', async () => {
    const events: NewLogEvent[] = [];
    const { app, count } = await appWith((event) => events.push(event));
    const response = await app.inject({ method: 'POST', url: '/roles', payload: { name: 'r', password: 'hunter2' } });

    expect(response.statusCode).toBe(201);
    expect(count()).toBe(1);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'sapi', description: 'Create a role', clientId: 'gatehouse-admin-m2m' });
    expect(JSON.stringify(events[0])).not.toContain('hunter2');
  });

  it('rolls the change back when its audit event cannot be written', async () => {
    const { app, count } = await appWith(() => {
      throw new Error('log store is full');
    });
    const response = await app.inject({ method: 'POST', url: '/roles', payload: {} });

    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body)).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal Server Error',
      errorCode: 'internal_error',
    });
    expect(count()).toBe(0);
  });

  it('refuses a caller without any of the route scopes before the handler runs', async () => {
    const events: NewLogEvent[] = [];
    const { app } = await appWith((event) => events.push(event));
    const response = await app.inject({ method: 'POST', url: '/other', payload: {} });

    expect(response.statusCode).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({
      message: 'Insufficient scope, expected any of: update:roles',
      errorCode: 'insufficient_scope',
    });
    expect(events).toEqual([]);
  });
});
