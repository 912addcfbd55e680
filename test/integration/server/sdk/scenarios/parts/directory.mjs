// One part of the management scenario (../management-scenario.mjs). `ctx` carries the adapter, the
// recorder's `step`, the scenario's names and the ids earlier parts made.
import { itemsOf, status } from './shared.mjs';

/** Connections and users: create, read, update, search and page; `removeDirectory` deletes them last. */
export async function directoryPart(ctx) {
  const { api, step, dbName, email, secondEmail, password, backendClientId, prefix } = ctx;
  // Connections: create, read, replace options, enable a client, filter, page through with `next`.
  const connection = await step(
    'connections.create',
    () =>
      api.connections.create({
        name: dbName,
        strategy: 'auth0',
        options: { passwordPolicy: 'good', brute_force_protection: true },
      }),
    (r) => ({ status: r.status, body: r.body, headers: r.headers }),
  );
  const connectionId = connection?.body?.id;
  ctx.ids.connectionId = connectionId;
  await step(
    'connections.get',
    () => api.connections.get(connectionId),
    (r) => ({ ...status(r), body: r.body }),
  );
  await step(
    'connections.update',
    () =>
      api.connections.update(connectionId, {
        display_name: 'SDK database',
        options: { passwordPolicy: 'fair', brute_force_protection: true },
      }),
    (r) => ({ ...status(r), body: r.body }),
  );
  await step(
    'connections.enableClient',
    () => api.connections.setEnabledClients(connectionId, [{ client_id: backendClientId, status: true }]),
    status,
  );
  await step(
    'connections.enabledClients',
    () => api.connections.enabledClients(connectionId),
    (r) => ({ ...status(r), clientIds: itemsOf(r, 'clients').map((client) => client.client_id) }),
  );
  await step(
    'connections.filter',
    () => api.connections.list({ strategy: ['auth0'], name: dbName }),
    (r) => ({ ...status(r), names: itemsOf(r, 'connections').map((c) => c.name) }),
  );
  await step(
    'connections.pages',
    () => api.connections.allNames(1),
    (names) => ({ names }),
  );

  // Users: the password policy, create, the duplicate, read, search with q and search_engine=v3.
  await step(
    'users.createWeak',
    () => api.users.create({ connection: dbName, email: `weak-${email}`, password: 'short' }),
    status,
  );
  const user = await step(
    'users.create',
    () =>
      api.users.create({
        connection: dbName,
        email,
        password,
        email_verified: true,
        user_metadata: { team: prefix },
      }),
    (r) => ({ ...status(r), body: r.body }),
  );
  const userId = user?.body?.user_id;
  ctx.ids.userId = userId;
  const second = await step(
    'users.createSecond',
    () => api.users.create({ connection: dbName, email: secondEmail, password }),
    status,
  );
  ctx.hasSecondUser = second !== undefined;
  await step('users.createDuplicate', () => api.users.create({ connection: dbName, email, password }), status);
  await step(
    'users.get',
    () => api.users.get(userId),
    (r) => ({ ...status(r), body: r.body }),
  );
  await step(
    'users.searchConnection',
    () => api.users.list({ q: `identities.connection:"${dbName}"`, search_engine: 'v3', sort: 'email:1' }),
    (r) => ({ ...status(r), emails: itemsOf(r, 'users').map((u) => u.email) }),
  );
  await step(
    'users.searchEmail',
    () => api.users.list({ q: `email:"${email}"`, search_engine: 'v3' }),
    (r) => ({ ...status(r), ids: itemsOf(r, 'users').map((u) => u.user_id) }),
  );
  await step(
    'users.byEmail',
    () => api.users.byEmail(email),
    (r) => ({ ...status(r), ids: r.body.map((u) => u.user_id) }),
  );
  await step(
    'users.pageWithTotals',
    () =>
      api.users.list({
        q: `identities.connection:"${dbName}"`,
        search_engine: 'v3',
        include_totals: true,
        per_page: 1,
        page: 1,
      }),
    (r) => {
      const { users, ...totals } = r.body;
      return { ...status(r), totals, count: users.length };
    },
  );
  await step(
    'users.allPages',
    () => api.users.allEmails(`identities.connection:"${dbName}"`, 1),
    (emails) => ({
      emails: [...emails].sort(),
    }),
  );
}

/** Deleting: a connection with users is refused; the users go, then the connection. */
export async function removeDirectory(ctx) {
  const { api, step, secondEmail } = ctx;
  const { connectionId, userId } = ctx.ids;
  await step('connections.removeWithUsers', () => api.connections.remove(connectionId), status);
  await step('users.remove', () => api.users.remove(userId), status);
  if (ctx.hasSecondUser) {
    const [secondUser] = itemsOf(await api.users.list({ q: `email:"${secondEmail}"`, search_engine: 'v3' }), 'users');
    await step('users.removeSecond', () => api.users.remove(secondUser.user_id), status);
  }
  await step('users.getRemoved', () => api.users.get(userId), status);
  await step('connections.remove', () => api.connections.remove(connectionId), status);
  await step('connections.getRemoved', () => api.connections.get(connectionId), status);
}
