import { z } from 'zod';
import type { ResourceServerRecord } from '../storage/admin/resource-server-admin';
import { ResourceServerIdentifierTakenError } from '../storage/admin/resource-server-admin';
import { managementApi, managementApiIdentifier } from '../tenant/management-api';
import type { ResourceServer } from '../tenant/model';
import type { ManagementDependencies } from './dependencies';
import { mgmtErrors } from './errors';
import { pageBody, pageQueryShape, pageRequest, slicePage } from './pagination';
import type { ManagementRoute } from './route';
import { parseBody, parseQuery, queryList, text } from './validation';

/** Auth0's longest access-token lifetime for an API (auth0-wire.md §1.4): 30 days. */
const MAX_TOKEN_LIFETIME = 2_592_000;

const Scope = z.object({
  value: text(280).min(1).regex(/^\S+$/, 'must not contain spaces'),
  description: text(500).optional(),
});
const Scopes = z
  .array(Scope)
  .max(1000)
  .refine(
    (scopes) => new Set(scopes.map((scope) => scope.value)).size === scopes.length,
    'scope values must be unique',
  );
const Lifetime = z.number().int().min(1).max(MAX_TOKEN_LIFETIME);
/** Only what this server can sign and shape: RS256, and Auth0's two classic dialects (server/README.md). */
const SigningAlg = z.literal('RS256', { error: 'only RS256 is supported by this server' });
const Dialect = z.enum(['access_token', 'access_token_authz']);

const Fields = {
  name: text(200).min(1).optional(),
  scopes: Scopes.optional(),
  allow_offline_access: z.boolean().optional(),
  token_lifetime: Lifetime.optional(),
  token_lifetime_for_web: Lifetime.optional(),
  skip_consent_for_verifiable_first_party_clients: z.boolean().optional(),
  enforce_policies: z.boolean().optional(),
  token_dialect: Dialect.optional(),
};
const Create = z.object({ identifier: text(600).min(1), signing_alg: SigningAlg.optional(), ...Fields });
const Patch = z.object({ identifier: z.unknown().optional(), signing_alg: z.unknown().optional(), ...Fields });
const ListQuery = z.object({ ...pageQueryShape, identifiers: queryList.optional() });

type Listed = ResourceServer & { tokenLifetimeForWeb?: number; skipConsentForVerifiableFirstPartyClients?: boolean };

/** Auth0's resource-server object (§7.5). */
export function resourceServerWire(api: Listed) {
  return {
    id: api.id,
    name: api.name,
    identifier: api.identifier,
    scopes: api.scopes.map((scope) => ({ value: scope.value, description: scope.description })),
    signing_alg: api.signingAlg,
    allow_offline_access: api.allowOfflineAccess,
    token_lifetime: api.tokenLifetime,
    token_lifetime_for_web: api.tokenLifetimeForWeb ?? 7200,
    skip_consent_for_verifiable_first_party_clients: api.skipConsentForVerifiableFirstPartyClients ?? true,
    enforce_policies: api.enforcePolicies,
    token_dialect: api.tokenDialect,
    is_system: api.isSystem,
  };
}

/** The Management API's resource servers (§7.5). Auth0's own Management API is listed as a system API. */
export function resourceServerRoutes(deps: ManagementDependencies): ManagementRoute[] {
  const stored = deps.admin.resourceServers;
  const system = () => managementApi(deps.issuer.get());

  /** `{id}` may be the id or the identifier (audience), as on Auth0. */
  const find = (idOrIdentifier: string | undefined): Listed => {
    if (idOrIdentifier !== undefined) {
      const api = system();
      if (idOrIdentifier === api.id || idOrIdentifier === api.identifier) return api;
      const found = stored.findById(idOrIdentifier) ?? stored.findByIdentifier(idOrIdentifier);
      if (found) return found;
    }
    throw mgmtErrors.notFound('resource server', 'inexistent_resource_server');
  };
  const findStored = (idOrIdentifier: string | undefined): ResourceServerRecord => {
    const api = find(idOrIdentifier);
    if (api.isSystem) {
      throw mgmtErrors.forbidden('operation_not_supported', 'System resource servers cannot be modified.');
    }
    return api as ResourceServerRecord;
  };
  const scopes = (input: z.infer<typeof Scope>[]) =>
    input.map((scope) => ({ value: scope.value, description: scope.description ?? '' }));

  return [
    {
      method: 'GET',
      url: '/resource-servers',
      scopes: ['read:resource_servers'],
      handler(call) {
        const query = parseQuery(ListQuery, call.query);
        const request = pageRequest(query);
        const api = system();
        const wanted = query.identifiers;
        const all: Listed[] = [
          ...(wanted === undefined || wanted.includes(api.identifier) ? [api] : []),
          ...stored.list(wanted),
        ];
        return pageBody('resource_servers', slicePage(all, request).map(resourceServerWire), all.length, request);
      },
    },
    {
      method: 'GET',
      url: '/resource-servers/:id',
      scopes: ['read:resource_servers'],
      handler: (call) => resourceServerWire(find(call.params['id'])),
    },
    {
      method: 'POST',
      url: '/resource-servers',
      scopes: ['create:resource_servers'],
      description: 'Create a resource server',
      status: 201,
      handler(call) {
        const body = parseBody(Create, call.body);
        return call.commit(() => {
          if (body.identifier === managementApiIdentifier(deps.issuer.get())) {
            throw mgmtErrors.conflict(
              'resource_server_conflict',
              'A resource server with the same identifier already exists',
            );
          }
          try {
            const created = stored.create({
              identifier: body.identifier,
              name: body.name ?? body.identifier,
              scopes: scopes(body.scopes ?? []),
              allowOfflineAccess: body.allow_offline_access ?? false,
              tokenLifetime: body.token_lifetime ?? 86_400,
              signingAlg: 'RS256',
              enforcePolicies: body.enforce_policies ?? false,
              tokenDialect: body.token_dialect ?? 'access_token',
              tokenLifetimeForWeb: body.token_lifetime_for_web ?? 7200,
              skipConsentForVerifiableFirstPartyClients: body.skip_consent_for_verifiable_first_party_clients ?? true,
            });
            return resourceServerWire(created);
          } catch (error) {
            if (error instanceof ResourceServerIdentifierTakenError) {
              throw mgmtErrors.conflict('resource_server_conflict', error.message);
            }
            throw error;
          }
        });
      },
    },
    {
      method: 'PATCH',
      url: '/resource-servers/:id',
      scopes: ['update:resource_servers'],
      description: 'Update a resource server',
      handler(call) {
        const body = parseBody(Patch, call.body);
        return call.commit(() => {
          const current = findStored(call.params['id']);
          if (body.identifier !== undefined && body.identifier !== current.identifier) {
            throw mgmtErrors.invalidBody("'identifier cannot be changed' on property identifier");
          }
          if (body.signing_alg !== undefined && body.signing_alg !== current.signingAlg) {
            throw mgmtErrors.invalidBody("'signing_alg cannot be changed' on property signing_alg");
          }
          const updated = stored.update(current.id, {
            ...(body.name !== undefined && { name: body.name }),
            ...(body.scopes !== undefined && { scopes: scopes(body.scopes) }),
            ...(body.allow_offline_access !== undefined && { allowOfflineAccess: body.allow_offline_access }),
            ...(body.token_lifetime !== undefined && { tokenLifetime: body.token_lifetime }),
            ...(body.token_lifetime_for_web !== undefined && { tokenLifetimeForWeb: body.token_lifetime_for_web }),
            ...(body.skip_consent_for_verifiable_first_party_clients !== undefined && {
              skipConsentForVerifiableFirstPartyClients: body.skip_consent_for_verifiable_first_party_clients,
            }),
            ...(body.enforce_policies !== undefined && { enforcePolicies: body.enforce_policies }),
            ...(body.token_dialect !== undefined && { tokenDialect: body.token_dialect }),
          });
          return resourceServerWire(updated ?? current);
        });
      },
    },
    {
      method: 'DELETE',
      url: '/resource-servers/:id',
      scopes: ['delete:resource_servers'],
      description: 'Delete a resource server',
      status: 204,
      handler(call) {
        call.commit(() => {
          const api = findStored(call.params['id']);
          // Nothing may keep granting scopes of an API that is gone: role permissions and client grants.
          deps.repos.roles.removePermissionsForAudience(api.identifier);
          for (const grant of deps.repos.clientGrants.list({ audience: api.identifier })) {
            deps.repos.clientGrants.delete(grant.id);
          }
          stored.delete(api.id);
        });
      },
    },
  ];
}
