import fc from 'fast-check';
import { demo } from './demo-tenant';
import type { GeneratedRequest } from './management-arbitraries';
import {
  anyString,
  anyValue,
  body,
  connectionName,
  email,
  idFrom,
  ids,
  known,
  maybe,
  metadata,
  password,
  scopeName,
} from './management-arbitraries';

/** A role's permissions body: real and unknown APIs, any scope-shaped name, or the field left out. */
const permissionsBody = body({
  permissions: maybe(
    fc.array(
      fc.record({ resource_server_identifier: fc.constantFrom(demo.audience, 'x'), permission_name: scopeName }),
    ),
  ),
});

/** A list of ids mixing ones that exist with arbitrary strings, or the field left out. */
const idsOrJunk = (existing: () => readonly string[]) => maybe(fc.array(fc.oneof(known(existing), anyString)));

/** Generated requests for the tenant's write routes: connections, clients, APIs, roles, users, blocks. */
export const tenantWriteRequests: readonly [string, fc.Arbitrary<GeneratedRequest>][] = [
  [
    'POST /connections',
    body({
      name: connectionName,
      strategy: maybe(fc.constantFrom('auth0', 'google-oauth2')),
      options: maybe(
        fc.record(
          {
            passwordPolicy: maybe(fc.constantFrom('none', 'good')),
            brute_force_protection: maybe(fc.boolean()),
            mfa: maybe(fc.record({ active: fc.boolean() })),
          },
          { requiredKeys: [] },
        ),
      ),
      enabled_clients: maybe(fc.array(fc.constantFrom('gatehouse-desktop', 'ghost'))),
      display_name: anyValue,
      metadata: anyValue,
    }).map((b) => ({ method: 'POST', url: '/connections', body: b })),
  ],
  [
    'PATCH /connections/:id',
    fc
      .tuple(
        idFrom(() => ids.connections),
        body({
          options: maybe(metadata),
          display_name: anyValue,
          name: anyValue,
          enabled_clients: anyValue,
          is_domain_connection: anyValue,
        }),
      )
      .map(([id, b]) => ({ method: 'PATCH', url: `/connections/${id}`, body: b })),
  ],
  [
    'DELETE /connections/:id',
    idFrom(() => ids.connections).map((id) => ({ method: 'DELETE', url: `/connections/${id}` })),
  ],
  [
    'PATCH /connections/:id/clients',
    fc
      .tuple(
        idFrom(() => ids.connections),
        fc.oneof(
          fc.array(
            fc.record(
              { client_id: maybe(fc.constantFrom('gatehouse-backend', 'ghost')), status: maybe(fc.boolean()) },
              { requiredKeys: [] },
            ),
          ),
          anyValue,
        ),
      )
      .map(([id, b]) => ({ method: 'PATCH', url: `/connections/${id}/clients`, body: b })),
  ],
  [
    'DELETE /connections/:id/users',
    fc
      .tuple(
        idFrom(() => ids.connections),
        email,
      )
      .map(([id, e]) => ({ method: 'DELETE', url: `/connections/${id}/users?email=${encodeURIComponent(e)}` })),
  ],
  [
    'PATCH /clients/:id',
    fc
      .tuple(
        fc.constantFrom('gatehouse-backend', 'ghost', ''),
        body({
          grant_types: maybe(fc.array(fc.constantFrom('password', 'refresh_token', 'telepathy'))),
          is_token_endpoint_ip_header_trusted: maybe(fc.boolean()),
          refresh_token: maybe(
            fc.record(
              {
                rotation_type: maybe(fc.constantFrom('rotating', 'non-rotating')),
                leeway: maybe(fc.integer()),
                idle_token_lifetime: maybe(fc.integer()),
              },
              { requiredKeys: [] },
            ),
          ),
          name: anyValue,
        }),
      )
      .map(([id, b]) => ({ method: 'PATCH', url: `/clients/${id}`, body: b })),
  ],
  [
    'POST /resource-servers',
    body({
      identifier: maybe(fc.webUrl()),
      name: maybe(fc.string({ minLength: 1, maxLength: 20 })),
      scopes: maybe(fc.array(fc.record({ value: scopeName, description: maybe(fc.string()) }, { requiredKeys: [] }))),
      token_lifetime: maybe(fc.integer({ min: -10, max: 3_000_000 })),
      signing_alg: maybe(fc.constantFrom('RS256', 'HS256')),
      token_dialect: maybe(fc.constantFrom('access_token', 'access_token_authz', 'rfc9068_profile')),
    }).map((b) => ({ method: 'POST', url: '/resource-servers', body: b })),
  ],
  [
    'PATCH /resource-servers/:id',
    fc
      .tuple(
        fc.constantFrom(encodeURIComponent(demo.audience), 'management-api', 'ghost'),
        body({
          name: anyValue,
          scopes: anyValue,
          allow_offline_access: maybe(fc.boolean()),
          token_lifetime: maybe(fc.integer()),
          identifier: anyValue,
        }),
      )
      .map(([id, b]) => ({ method: 'PATCH', url: `/resource-servers/${id}`, body: b })),
  ],
  [
    'DELETE /resource-servers/:id',
    fc
      .string({ maxLength: 20 })
      .map((id) => ({ method: 'DELETE', url: `/resource-servers/${encodeURIComponent(id)}` })),
  ],
  [
    'POST /roles',
    body({ name: anyString, description: anyValue }).map((b) => ({ method: 'POST', url: '/roles', body: b })),
  ],
  [
    'PATCH /roles/:id',
    fc
      .tuple(
        idFrom(() => ids.roles),
        body({ name: anyString, description: anyValue }),
      )
      .map(([id, b]) => ({ method: 'PATCH', url: `/roles/${id}`, body: b })),
  ],
  ['DELETE /roles/:id', idFrom(() => ids.roles).map((id) => ({ method: 'DELETE', url: `/roles/${id}` }))],
  [
    'POST /roles/:id/permissions',
    fc
      .tuple(
        idFrom(() => ids.roles),
        permissionsBody,
      )
      .map(([id, b]) => ({ method: 'POST', url: `/roles/${id}/permissions`, body: b })),
  ],
  [
    'DELETE /roles/:id/permissions',
    fc
      .tuple(
        idFrom(() => ids.roles),
        permissionsBody,
      )
      .map(([id, b]) => ({ method: 'DELETE', url: `/roles/${id}/permissions`, body: b })),
  ],
  [
    'POST /roles/:id/users',
    fc
      .tuple(
        idFrom(() => ids.roles),
        body({ users: idsOrJunk(() => ids.users) }),
      )
      .map(([id, b]) => ({ method: 'POST', url: `/roles/${id}/users`, body: b })),
  ],
  [
    'POST /users',
    fc
      .oneof(
        // Near-valid bodies reach the password policy, hashing and the duplicate check.
        {
          weight: 1,
          arbitrary: fc.record(
            {
              connection: fc.constantFrom('employees', 'contractors'),
              email: fc.emailAddress(),
              password: fc.constantFrom('Str0ng-Passw0rd!', 'short'),
              name: maybe(fc.string({ maxLength: 20 })),
              user_metadata: maybe(metadata),
            },
            { requiredKeys: ['connection', 'email', 'password'] },
          ),
        },
        {
          weight: 6,
          arbitrary: body({
            connection: maybe(fc.constantFrom('employees', 'contractors', 'ghost')),
            email,
            password,
            username: anyValue,
            name: anyValue,
            blocked: maybe(fc.boolean()),
            user_metadata: maybe(metadata),
            app_metadata: anyValue,
            picture: anyValue,
          }),
        },
      )
      .map((b) => ({ method: 'POST', url: '/users', body: b })),
  ],
  [
    'PATCH /users/:id',
    fc
      .tuple(
        idFrom(() => ids.users),
        body({
          blocked: maybe(fc.boolean()),
          email,
          password: fc.oneof({ weight: 1, arbitrary: password }, { weight: 4, arbitrary: anyValue }),
          user_metadata: maybe(metadata),
          app_metadata: maybe(metadata),
          name: anyValue,
          connection: anyValue,
          username: anyValue,
        }),
      )
      .map(([id, b]) => ({ method: 'PATCH', url: `/users/${id}`, body: b })),
  ],
  ['DELETE /users/:id', idFrom(() => ids.users).map((id) => ({ method: 'DELETE', url: `/users/${id}` }))],
  [
    'POST /users/:id/roles',
    fc
      .tuple(
        idFrom(() => ids.users),
        body({ roles: idsOrJunk(() => ids.roles) }),
      )
      .map(([id, b]) => ({ method: 'POST', url: `/users/${id}/roles`, body: b })),
  ],
  [
    'DELETE /users/:id/roles',
    fc
      .tuple(
        idFrom(() => ids.users),
        body({ roles: anyValue }),
      )
      .map(([id, b]) => ({ method: 'DELETE', url: `/users/${id}/roles`, body: b })),
  ],
  [
    'DELETE /users/:id/authenticators',
    idFrom(() => ids.users).map((id) => ({ method: 'DELETE', url: `/users/${id}/authenticators` })),
  ],
  [
    'DELETE /users/:id/authenticators/:aid',
    fc
      .tuple(
        idFrom(() => ids.users),
        fc.string(),
      )
      .map(([id, aid]) => ({ method: 'DELETE', url: `/users/${id}/authenticators/${encodeURIComponent(aid)}` })),
  ],
  [
    'DELETE /user-blocks',
    fc
      .oneof(email, anyString)
      .map((identifier) => ({ method: 'DELETE', url: `/user-blocks?identifier=${encodeURIComponent(identifier)}` })),
  ],
  ['DELETE /user-blocks/:id', idFrom(() => ids.users).map((id) => ({ method: 'DELETE', url: `/user-blocks/${id}` }))],
];
