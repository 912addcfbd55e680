import { z } from 'zod';
import { grantTypes } from '../../common/oauth/wire';
import type { ClientRecord } from '../storage/admin/client-admin';
import type { RefreshTokenPolicy } from '../tenant/model';
import type { ManagementDependencies } from './dependencies';
import { mgmtErrors } from './errors';
import { pageBody, pageQueryShape, pageRequest, project } from './pagination';
import type { ManagementRoute } from './route';
import { parseBody, parseQuery, queryBoolean, queryList, text } from './validation';

/** The grant types Auth0's client object accepts (auth0-wire.md §1.1), plus the browser ones it knows. */
const knownGrantTypes = [
  ...Object.values(grantTypes),
  'authorization_code',
  'implicit',
  'urn:ietf:params:oauth:grant-type:device_code',
] as const;

/** Auth0's maximum absolute and idle refresh-token lifetime (§5.1): one year. */
const MAX_REFRESH_LIFETIME = 31_557_600;

const RefreshTokenPatch = z.object({
  rotation_type: z.enum(['rotating', 'non-rotating']).optional(),
  expiration_type: z.enum(['expiring', 'non-expiring']).optional(),
  leeway: z.number().int().min(0).max(MAX_REFRESH_LIFETIME).optional(),
  token_lifetime: z.number().int().min(1).max(MAX_REFRESH_LIFETIME).optional(),
  idle_token_lifetime: z.number().int().min(1).max(MAX_REFRESH_LIFETIME).optional(),
  infinite_token_lifetime: z.boolean().optional(),
  infinite_idle_token_lifetime: z.boolean().optional(),
});

const Patch = z.object({
  name: text(256).min(1).optional(),
  grant_types: z.array(z.enum(knownGrantTypes)).max(20).optional(),
  is_token_endpoint_ip_header_trusted: z.boolean().optional(),
  refresh_token: RefreshTokenPatch.optional(),
});

const ListQuery = z.object({
  ...pageQueryShape,
  app_type: queryList.optional(),
  fields: queryList.optional(),
  include_fields: queryBoolean.optional(),
});
const FieldsQuery = z.object({ fields: queryList.optional(), include_fields: queryBoolean.optional() });

/** Auth0's `refresh_token` client field (§5.1). */
export function refreshTokenWire(policy: RefreshTokenPolicy) {
  return {
    rotation_type: policy.rotationType,
    expiration_type: policy.expirationType,
    leeway: policy.leeway,
    token_lifetime: policy.tokenLifetime,
    idle_token_lifetime: policy.idleTokenLifetime,
    infinite_token_lifetime: policy.infiniteTokenLifetime,
    infinite_idle_token_lifetime: policy.infiniteIdleTokenLifetime,
  };
}

/**
 * Auth0's client object, minus `client_secret`: only its SHA-256 is stored, so it cannot be shown
 * (server/README.md).
 */
export function clientWire(client: ClientRecord) {
  return {
    client_id: client.clientId,
    name: client.name,
    app_type: client.appType,
    token_endpoint_auth_method: client.tokenEndpointAuthMethod,
    grant_types: [...client.grantTypes],
    is_token_endpoint_ip_header_trusted: client.isTokenEndpointIpHeaderTrusted,
    refresh_token: refreshTokenWire(client.refreshToken),
    is_first_party: true,
    oidc_conformant: true,
    jwt_configuration: { alg: 'RS256', lifetime_in_seconds: 36_000, secret_encoded: false },
    callbacks: [],
    allowed_origins: [],
    web_origins: [],
  };
}

/** Merges a refresh-token patch and checks the combination Auth0 refuses (§5.1). */
function mergeRefreshToken(current: RefreshTokenPolicy, patch: z.infer<typeof RefreshTokenPatch>): RefreshTokenPolicy {
  const next: RefreshTokenPolicy = {
    rotationType: patch.rotation_type ?? current.rotationType,
    expirationType: patch.expiration_type ?? current.expirationType,
    leeway: patch.leeway ?? current.leeway,
    tokenLifetime: patch.token_lifetime ?? current.tokenLifetime,
    idleTokenLifetime: patch.idle_token_lifetime ?? current.idleTokenLifetime,
    infiniteTokenLifetime: patch.infinite_token_lifetime ?? current.infiniteTokenLifetime,
    infiniteIdleTokenLifetime: patch.infinite_idle_token_lifetime ?? current.infiniteIdleTokenLifetime,
  };
  if (next.rotationType === 'rotating' && next.expirationType === 'non-expiring') {
    throw mgmtErrors.invalidBody("'rotating refresh tokens must be expiring' on property refresh_token");
  }
  if (!next.infiniteTokenLifetime && !next.infiniteIdleTokenLifetime && next.idleTokenLifetime > next.tokenLifetime) {
    throw mgmtErrors.invalidBody(
      "'idle_token_lifetime must not exceed token_lifetime' on property refresh_token.idle_token_lifetime",
    );
  }
  return next;
}

/** The Management API's clients: read, and the settings that gate the password flows (§1.6). */
export function clientRoutes(deps: ManagementDependencies): ManagementRoute[] {
  const { admin } = deps;
  const find = (clientId: string | undefined): ClientRecord => {
    const client = clientId === undefined ? undefined : admin.clients.findById(clientId);
    if (!client) throw mgmtErrors.notFound('client', 'inexistent_client');
    return client;
  };

  return [
    {
      method: 'GET',
      url: '/clients',
      scopes: ['read:clients', 'read:client_keys'],
      handler(call) {
        const query = parseQuery(ListQuery, call.query);
        const request = pageRequest(query);
        const filter = query.app_type ? { appTypes: query.app_type } : {};
        const { items, total } = admin.clients.list(filter, request.page * request.perPage, request.perPage);
        const shaped = items.map((client) => project(clientWire(client), query.fields, query.include_fields));
        return pageBody('clients', shaped, total, request);
      },
    },
    {
      method: 'GET',
      url: '/clients/:id',
      scopes: ['read:clients', 'read:client_keys'],
      handler(call) {
        const query = parseQuery(FieldsQuery, call.query);
        return project(clientWire(find(call.params['id'])), query.fields, query.include_fields);
      },
    },
    {
      method: 'PATCH',
      url: '/clients/:id',
      scopes: ['update:clients', 'update:client_keys'],
      description: 'Update a client',
      handler(call) {
        const body = parseBody(Patch, call.body);
        return call.commit(() => {
          const current = find(call.params['id']);
          const grants = body.grant_types;
          // A public client cannot prove who it is, so it may not use client_credentials (RFC 6749 §4.4).
          if (grants?.includes(grantTypes.clientCredentials) && current.tokenEndpointAuthMethod === 'none') {
            throw mgmtErrors.invalidBody("'a public client cannot use client_credentials' on property grant_types");
          }
          const updated = admin.clients.update(current.clientId, {
            ...(body.name !== undefined && { name: body.name }),
            ...(grants !== undefined && { grantTypes: [...new Set(grants)] }),
            ...(body.is_token_endpoint_ip_header_trusted !== undefined && {
              isTokenEndpointIpHeaderTrusted: body.is_token_endpoint_ip_header_trusted,
            }),
            ...(body.refresh_token !== undefined && {
              refreshToken: mergeRefreshToken(current.refreshToken, body.refresh_token),
            }),
          });
          return clientWire(updated ?? current);
        });
      },
    },
  ];
}
