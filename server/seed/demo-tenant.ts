import { grantTypes } from '../../common/oauth/wire';
import type { PasswordHasher } from '../security/password-hasher';
import { hashSecret } from '../security/secret-hash';
import { seedDemoAccessControl } from './demo-access-control';
import { seedDemoExtensibility } from './demo-extensibility';
import type { Repositories } from '../storage/repositories';
import type { Client } from '../tenant/model';
import { defaultRefreshTokenPolicy } from '../tenant/model';

/**
 * The demo tenant of shared/design/demo-tenant.md, exactly. DEMO DATA ONLY: these passwords and secrets
 * are published in the README. Roles, the rule and the MFA enrolment join when their features land.
 */

const REPORTS_API = 'https://api.gatehouse.test/';

const rotating = { ...defaultRefreshTokenPolicy, rotationType: 'rotating', leeway: 0 } as const;

const clients: readonly (Omit<Client, 'clientSecretHash'> & { secret: string | null })[] = [
  {
    clientId: 'gatehouse-desktop',
    name: 'Gatehouse Desktop',
    appType: 'native',
    tokenEndpointAuthMethod: 'none',
    secret: null,
    grantTypes: [
      grantTypes.password,
      grantTypes.passwordRealm,
      grantTypes.refreshToken,
      grantTypes.mfaOtp,
      grantTypes.mfaOob,
      grantTypes.mfaRecoveryCode,
    ],
    isTokenEndpointIpHeaderTrusted: false,
    refreshToken: rotating,
  },
  {
    clientId: 'gatehouse-backend',
    name: 'Gatehouse Backend',
    appType: 'regular_web',
    // Registered as post; client-authentication.ts also accepts Basic from any confidential client.
    tokenEndpointAuthMethod: 'client_secret_post',
    secret: 'demo-backend-secret',
    grantTypes: [grantTypes.password, grantTypes.passwordRealm, grantTypes.refreshToken],
    isTokenEndpointIpHeaderTrusted: true,
    refreshToken: rotating,
  },
  {
    clientId: 'gatehouse-admin-m2m',
    name: 'Gatehouse Admin (machine to machine)',
    appType: 'non_interactive',
    tokenEndpointAuthMethod: 'client_secret_post',
    secret: 'demo-admin-secret',
    grantTypes: [grantTypes.clientCredentials],
    isTokenEndpointIpHeaderTrusted: false,
    refreshToken: defaultRefreshTokenPolicy,
  },
];

const users = [
  { email: 'alice@example.com', password: 'Alice-Demo-Passw0rd!', connection: 'employees', name: 'Alice Example' },
  { email: 'bob@example.com', password: 'Bob-Demo-Passw0rd!', connection: 'contractors', name: 'Bob Example' },
  { email: 'admin@example.com', password: 'Admin-Demo-Passw0rd!', connection: 'employees', name: 'Admin Example' },
  {
    email: 'support@example.com',
    password: 'Support-Demo-Passw0rd!',
    connection: 'employees',
    name: 'Support Example',
  },
  { email: 'mfa@example.com', password: 'Mfa-Demo-Passw0rd!', connection: 'employees', name: 'Mfa Example' },
] as const;

/** Writes the demo tenant. The caller makes sure the database is empty. One transaction. */
export async function seedDemoTenant(repos: Repositories, hasher: PasswordHasher): Promise<void> {
  // Hash first (async, off the event loop); the transaction below must be synchronous.
  const hashes = await Promise.all(users.map((user) => hasher.hash(user.password)));

  repos.transact(() => {
    for (const { secret, ...client } of clients) {
      repos.clients.create({ ...client, clientSecretHash: secret === null ? null : hashSecret(secret) });
    }
    const connections = ['employees', 'contractors'].map((name) =>
      repos.connections.create({ name, strategy: 'auth0', options: { brute_force_protection: true } }),
    );
    for (const connection of connections) {
      repos.connections.enableForClients(
        connection.id,
        clients.map((client) => client.clientId),
      );
    }
    repos.resourceServers.create({
      identifier: REPORTS_API,
      name: 'Gatehouse Reports API',
      scopes: [
        { value: 'read:reports', description: 'Read reports' },
        { value: 'write:reports', description: 'Create and change reports' },
      ],
      allowOfflineAccess: true,
      tokenLifetime: 600,
      signingAlg: 'RS256',
      enforcePolicies: false,
      tokenDialect: 'access_token',
    });
    repos.settings.update({ defaultDirectory: 'employees', defaultAudience: REPORTS_API });

    users.forEach((user, index) => {
      const connection = connections.find((candidate) => candidate.name === user.connection);
      if (!connection) throw new Error(`demo user ${user.email} names an unknown connection`);
      repos.users.create({
        connectionId: connection.id,
        email: user.email,
        username: null,
        passwordHash: hashes[index] ?? null,
        emailVerified: true,
        name: user.name,
        nickname: user.email.slice(0, user.email.indexOf('@')),
        picture: null,
      });
    });
    seedDemoAccessControl(repos);
    seedDemoExtensibility(repos);
  });
}
