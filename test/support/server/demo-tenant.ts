/**
 * The demo tenant's names and credentials (shared/design/demo-tenant.md), for tests. Demo data only.
 */
export const demo = {
  grants: {
    password: 'password',
    passwordRealm: 'http://auth0.com/oauth/grant-type/password-realm',
    refreshToken: 'refresh_token',
    clientCredentials: 'client_credentials',
  },
  clients: {
    desktop: { clientId: 'gatehouse-desktop' },
    backend: { clientId: 'gatehouse-backend', secret: 'demo-backend-secret' },
    adminM2m: { clientId: 'gatehouse-admin-m2m', secret: 'demo-admin-secret' },
  },
  realms: { employees: 'employees', contractors: 'contractors' },
  audience: 'https://api.gatehouse.test/',
  apiScopes: ['read:reports', 'write:reports'],
  users: {
    alice: { email: 'alice@example.com', password: 'Alice-Demo-Passw0rd!', realm: 'employees' },
    bob: { email: 'bob@example.com', password: 'Bob-Demo-Passw0rd!', realm: 'contractors' },
    admin: { email: 'admin@example.com', password: 'Admin-Demo-Passw0rd!', realm: 'employees' },
    support: { email: 'support@example.com', password: 'Support-Demo-Passw0rd!', realm: 'employees' },
    mfa: { email: 'mfa@example.com', password: 'Mfa-Demo-Passw0rd!', realm: 'employees' },
  },
} as const;
