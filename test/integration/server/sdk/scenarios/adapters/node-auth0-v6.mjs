// node-auth0 v6 (the newest `auth0@6`, installed as `auth0-v6`), configured exactly as its README says: a
// domain and client credentials, nothing else. Every method maps one scenario action to one SDK call and
// returns `{status, body, headers}` (plus `items`, what the SDK's Page made of a listing).
import { AuthenticationClient, ManagementClient, UserInfoClient } from 'auth0-v6';
import { pickHeaders } from './responses.mjs';

/** @param {{domain: string, clientId: string, clientSecret: string, authClientId: string, authClientSecret: string}} options */
export function createAdapter(options) {
  const { domain } = options;
  const m = new ManagementClient({ domain, clientId: options.clientId, clientSecret: options.clientSecret });
  const auth = new AuthenticationClient({
    domain,
    clientId: options.authClientId,
    clientSecret: options.authClientSecret,
  });
  const userInfo = new UserInfoClient({ domain });
  // v6 resolves to the parsed body; `withRawResponse()` is its documented way to see status and headers.
  const call = async (httpResponsePromise) => {
    const { data, rawResponse } = await httpResponsePromise.withRawResponse();
    return { status: rawResponse.status, body: data, headers: pickHeaders(rawResponse.headers) };
  };
  const page = async (pagePromise) => {
    const listed = await pagePromise;
    return {
      status: listed.rawResponse.status,
      body: listed.response,
      items: listed.data,
      hasNextPage: listed.hasNextPage(),
      headers: pickHeaders(listed.rawResponse.headers),
    };
  };
  // The Authentication API client is the same in v4 and v6: `{data, headers, status}`.
  const authCall = async (promise) => {
    const response = await promise;
    return { status: response.status, body: response.data, headers: pickHeaders(response.headers) };
  };
  const collect = async (pagePromise, pick) => {
    const values = [];
    for await (const item of await pagePromise) values.push(pick(item));
    return values;
  };

  return {
    sdk: 'node-auth0 v6',
    connections: {
      create: (body) => call(m.connections.create(body)),
      get: (id) => call(m.connections.get(id)),
      update: (id, body) => call(m.connections.update(id, body)),
      remove: (id) => call(m.connections.delete(id)),
      list: (query) => page(m.connections.list(query)),
      setEnabledClients: (id, changes) => call(m.connections.clients.update(id, changes)),
      enabledClients: (id) => page(m.connections.clients.get(id)),
      /** Every connection name through the SDK's own paging, which follows `next`. */
      allNames: (take) => collect(m.connections.list({ take }), (connection) => connection.name),
    },
    users: {
      create: (body) => call(m.users.create(body)),
      get: (id) => call(m.users.get(id)),
      update: (id, body) => call(m.users.update(id, body)),
      remove: (id) => call(m.users.delete(id)),
      list: (query) => page(m.users.list(query)),
      roles: (id) => page(m.users.roles.list(id)),
      byEmail: (email) => call(m.users.listUsersByEmail({ email })),
      assignRoles: (id, roles) => call(m.users.roles.assign(id, { roles })),
      /** Every user matching `q` through the SDK's own offset paging (it asks include_totals=true). */
      allEmails: (q, perPage) =>
        collect(m.users.list({ q, search_engine: 'v3', per_page: perPage }), (user) => user.email),
    },
    userBlocks: {
      get: (id) => call(m.userBlocks.list(id)),
      byIdentifier: (identifier) => call(m.userBlocks.listByIdentifier({ identifier })),
      remove: (id) => call(m.userBlocks.delete(id)),
      removeByIdentifier: (identifier) => call(m.userBlocks.deleteByIdentifier({ identifier })),
    },
    roles: {
      create: (body) => call(m.roles.create(body)),
      addPermissions: (id, permissions) => call(m.roles.permissions.add(id, { permissions })),
      permissions: (id) => page(m.roles.permissions.list(id)),
      users: (id) => page(m.roles.users.list(id)),
      list: (query) => page(m.roles.list(query)),
    },
    rules: {
      create: (body) => call(m.rules.create(body)),
      get: (id) => call(m.rules.get(id)),
      update: (id, body) => call(m.rules.update(id, body)),
      remove: (id) => call(m.rules.delete(id)),
      list: (query) => page(m.rules.list(query)),
    },
    actions: {
      create: (body) => call(m.actions.create(body)),
      deploy: (id) => call(m.actions.deploy(id)),
      versions: (id) => page(m.actions.versions.list(id)),
      bindings: (triggerId) => page(m.actions.triggers.bindings.list(triggerId)),
      updateBindings: (triggerId, bindings) => call(m.actions.triggers.bindings.updateMany(triggerId, { bindings })),
    },
    logs: {
      // v6 names the Lucene query `search` (auth0-wire.md §7.6).
      search: (query, perPage) => page(m.logs.list({ search: query, per_page: perPage })),
      // v6's list() has no from/take; its documented `queryParams` request option adds them. Checkpoint
      // answers are a bare array (as on Auth0), which v6's Page does not read, so the raw body is kept.
      checkpoint: async (from, take) => {
        const listed = await m.logs.list({}, { queryParams: { from, take } });
        return {
          status: listed.rawResponse.status,
          body: listed.response,
          headers: pickHeaders(listed.rawResponse.headers),
        };
      },
      get: (id) => call(m.logs.get(id)),
    },
    clients: {
      get: (id) => call(m.clients.get(id)),
      update: (id, body) => call(m.clients.update(id, body)),
    },
    resourceServers: {
      create: (body) => call(m.resourceServers.create(body)),
      get: (id) => call(m.resourceServers.get(id)),
      update: (id, body) => call(m.resourceServers.update(id, body)),
      remove: (id) => call(m.resourceServers.delete(id)),
      list: (query) => page(m.resourceServers.list(query)),
    },
    attackProtection: {
      bruteForce: () => call(m.attackProtection.bruteForceProtection.get()),
      updateBruteForce: (body) => call(m.attackProtection.bruteForceProtection.update(body)),
      suspiciousIp: () => call(m.attackProtection.suspiciousIpThrottling.get()),
      updateSuspiciousIp: (body) => call(m.attackProtection.suspiciousIpThrottling.update(body)),
      breachedPassword: () => call(m.attackProtection.breachedPasswordDetection.get()),
      botDetection: () => call(m.attackProtection.botDetection.get()),
    },
    auth: {
      passwordRealm: (params) => authCall(auth.oauth.passwordGrant(params)),
      refresh: (refreshToken) => authCall(auth.oauth.refreshTokenGrant({ refresh_token: refreshToken })),
      revoke: (token) => authCall(auth.oauth.revokeRefreshToken({ token })),
      userInfo: (accessToken) => authCall(userInfo.getUserInfo(accessToken)),
    },
  };
}
