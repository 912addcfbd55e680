import type { LoginFacts } from '../../../server/extensibility/login-facts';
import { defaultRefreshTokenPolicy } from '../../../server/tenant/model';

/** A login as the post-login pipeline sees it, for unit tests of rules, actions and the sandbox. */
export function loginFactsFixture(overrides: Partial<LoginFacts> = {}): LoginFacts {
  return {
    tenant: 'gatehouse',
    protocol: 'oauth2-password',
    user: {
      id: '0123456789abcdef01234567',
      connectionId: 'con_employees000000',
      email: 'alice@example.com',
      username: null,
      passwordHash: null,
      emailVerified: true,
      name: 'Alice Example',
      nickname: 'alice',
      picture: null,
      blocked: false,
      loginsCount: 3,
      lastLogin: 1_700_000_000_000,
      lastIp: '127.0.0.1',
      createdAt: 1_600_000_000_000,
      updatedAt: 1_650_000_000_000,
      userMetadata: { theme: 'dark' },
      appMetadata: { plan: 'gold' },
    },
    client: {
      clientId: 'gatehouse-desktop',
      name: 'Gatehouse Desktop',
      appType: 'native',
      tokenEndpointAuthMethod: 'none',
      clientSecretHash: null,
      grantTypes: ['password'],
      isTokenEndpointIpHeaderTrusted: false,
      refreshToken: defaultRefreshTokenPolicy,
    },
    connection: { id: 'con_employees000000', name: 'employees', strategy: 'auth0', options: {} },
    api: {
      id: 'api1',
      identifier: 'https://api.gatehouse.test/',
      name: 'Reports',
      scopes: [
        { value: 'read:reports', description: '' },
        { value: 'write:reports', description: '' },
      ],
      allowOfflineAccess: true,
      tokenLifetime: 600,
      signingAlg: 'RS256',
      enforcePolicies: false,
      tokenDialect: 'access_token',
      isSystem: false,
    },
    scope: ['openid', 'profile', 'email', 'read:reports', 'write:reports'],
    roles: ['admin'],
    authenticationMethods: [{ name: 'pwd', timestamp: 1_700_000_000_000 }],
    enrolledFactors: [],
    request: { ip: '203.0.113.7', userAgent: 'vitest', hostname: '127.0.0.1', body: { grant_type: 'password' } },
    ...overrides,
  };
}
