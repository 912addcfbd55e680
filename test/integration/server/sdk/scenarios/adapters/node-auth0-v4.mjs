// node-auth0 v4 (`auth0@4.37.1`, installed as `auth0-v4`), configured exactly as its README says: a
// domain and client credentials, nothing else. Every method maps one scenario action to one SDK call and
// returns `{status, body, headers}` so v4 and v6 can run the same scenario.
import { AuthenticationClient, ManagementClient, UserInfoClient } from 'auth0-v4';
import { pickHeaders } from './responses.mjs';

/** @param {{domain: string, clientId: string, clientSecret: string, authClientId: string, authClientSecret: string}} options */
export function createAdapter(options) {
  const { domain } = options;
  const management = new ManagementClient({ domain, clientId: options.clientId, clientSecret: options.clientSecret });
  const auth = new AuthenticationClient({
    domain,
    clientId: options.authClientId,
    clientSecret: options.authClientSecret,
  });
  const userInfo = new UserInfoClient({ domain });
  const call = async (promise) => {
    const response = await promise;
    return { status: response.status, body: response.data, headers: pickHeaders(response.headers) };
  };
  const m = management;

  return {
    sdk: 'node-auth0 v4',
    connections: {
      create: (body) => call(m.connections.create(body)),
      get: (id) => call(m.connections.get({ id })),
      update: (id, body) => call(m.connections.update({ id }, body)),
      remove: (id) => call(m.connections.delete({ id })),
      list: (query) => call(m.connections.getAll(query)),
      setEnabledClients: (id, changes) => call(m.connections.updateEnabledClients({ id }, changes)),
      enabledClients: (id) => call(m.connections.getEnabledClients({ id })),
      /** Every connection name, following `next` by hand as v4 callers do. */
      async allNames(take) {
        const names = [];
        let from;
        for (let pages = 0; pages < 20; pages += 1) {
          const { data } = await m.connections.getAll({ take, ...(from !== undefined && { from }) });
          names.push(...data.connections.map((connection) => connection.name));
          if (data.next === undefined) break;
          from = data.next;
        }
        return names;
      },
    },
    users: {
      create: (body) => call(m.users.create(body)),
      get: (id) => call(m.users.get({ id })),
      update: (id, body) => call(m.users.update({ id }, body)),
      remove: (id) => call(m.users.delete({ id })),
      list: (query) => call(m.users.getAll(query)),
      roles: (id) => call(m.users.getRoles({ id })),
      byEmail: (email) => call(m.usersByEmail.getByEmail({ email })),
      assignRoles: (id, roles) => call(m.users.assignRoles({ id }, { roles })),
      /** Every user matching `q`, one page at a time with include_totals, as v4 callers do. */
      async allEmails(q, perPage) {
        const emails = [];
        for (let page = 0; page < 20; page += 1) {
          const { data } = await m.users.getAll({
            q,
            search_engine: 'v3',
            include_totals: true,
            per_page: perPage,
            page,
          });
          emails.push(...data.users.map((user) => user.email));
          if (data.start + data.users.length >= data.total) break;
        }
        return emails;
      },
    },
    userBlocks: {
      get: (id) => call(m.userBlocks.get({ id })),
      byIdentifier: (identifier) => call(m.userBlocks.getAll({ identifier })),
      remove: (id) => call(m.userBlocks.delete({ id })),
      removeByIdentifier: (identifier) => call(m.userBlocks.deleteAll({ identifier })),
    },
    roles: {
      create: (body) => call(m.roles.create(body)),
      addPermissions: (id, permissions) => call(m.roles.addPermissions({ id }, { permissions })),
      permissions: (id) => call(m.roles.getPermissions({ id })),
      users: (id) => call(m.roles.getUsers({ id })),
      list: (query) => call(m.roles.getAll(query)),
    },
    rules: {
      create: (body) => call(m.rules.create(body)),
      get: (id) => call(m.rules.get({ id })),
      update: (id, body) => call(m.rules.update({ id }, body)),
      remove: (id) => call(m.rules.delete({ id })),
      list: (query) => call(m.rules.getAll(query)),
    },
    actions: {
      create: (body) => call(m.actions.create(body)),
      deploy: (id) => call(m.actions.deploy({ id })),
      versions: (id) => call(m.actions.getVersions({ actionId: id })),
      bindings: (triggerId) => call(m.actions.getTriggerBindings({ triggerId })),
      updateBindings: (triggerId, bindings) => call(m.actions.updateTriggerBindings({ triggerId }, { bindings })),
    },
    logs: {
      search: (query, perPage) => call(m.logs.getAll({ q: query, include_totals: true, per_page: perPage })),
      checkpoint: (from, take) => call(m.logs.getAll({ from, take })),
      get: (id) => call(m.logs.get({ id })),
    },
    clients: {
      get: (id) => call(m.clients.get({ client_id: id })),
      update: (id, body) => call(m.clients.update({ client_id: id }, body)),
    },
    resourceServers: {
      create: (body) => call(m.resourceServers.create(body)),
      get: (id) => call(m.resourceServers.get({ id })),
      update: (id, body) => call(m.resourceServers.update({ id }, body)),
      remove: (id) => call(m.resourceServers.delete({ id })),
      list: (query) => call(m.resourceServers.getAll(query)),
    },
    attackProtection: {
      bruteForce: () => call(m.attackProtection.getBruteForceConfig()),
      updateBruteForce: (body) => call(m.attackProtection.updateBruteForceConfig(body)),
      suspiciousIp: () => call(m.attackProtection.getSuspiciousIpThrottlingConfig()),
      updateSuspiciousIp: (body) => call(m.attackProtection.updateSuspiciousIpThrottlingConfig(body)),
      breachedPassword: () => call(m.attackProtection.getBreachedPasswordDetectionConfig()),
      botDetection: () => call(m.attackProtection.getBotDetectionConfig()),
    },
    auth: {
      passwordRealm: (params) => call(auth.oauth.passwordGrant(params)),
      refresh: (refreshToken) => call(auth.oauth.refreshTokenGrant({ refresh_token: refreshToken })),
      revoke: (token) => call(auth.oauth.revokeRefreshToken({ token })),
      userInfo: (accessToken) => call(userInfo.getUserInfo(accessToken)),
    },
  };
}
