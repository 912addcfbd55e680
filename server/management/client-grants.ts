import { isIP } from 'node:net';
import { z } from 'zod';
import type { ClientGrant } from '../storage/client-grant-repository';
import { ClientGrantConflictError } from '../storage/client-grant-repository';
import type { ManagementDependencies } from './dependencies';
import { mgmtErrors } from './errors';
import { pageBody, pageQueryShape, pageRequest, slicePage } from './pagination';
import type { ManagementCall, ManagementRoute } from './route';
import { parseBody, parseQuery, queryString, text } from './validation';

const Scopes = z.array(text(280).min(1)).max(1000);
const Create = z.object({ client_id: text(64).min(1), audience: text(600).min(1), scope: Scopes });
const Patch = z.object({ scope: Scopes.optional() });
const ListQuery = z.object({ ...pageQueryShape, audience: queryString.optional(), client_id: queryString.optional() });

/** Auth0's client grant object. */
export function clientGrantWire(grant: ClientGrant) {
  return { id: grant.id, client_id: grant.clientId, audience: grant.audience, scope: [...grant.scope] };
}

/**
 * `/client-grants` (which APIs and scopes a machine-to-machine client may obtain with
 * `client_credentials`) and `/anomaly/blocks/ips/{ip}` (suspicious-IP throttles, auth0-wire.md §3.3),
 * over issue #3's stores.
 */
export function clientGrantRoutes(deps: ManagementDependencies): ManagementRoute[] {
  const grants = deps.repos.clientGrants;
  const find = (call: ManagementCall): ClientGrant => {
    const grant = grants.findById(call.params['id'] ?? '');
    if (!grant) throw mgmtErrors.notFound('client grant', 'inexistent_client_grant');
    return grant;
  };
  /** Every scope must be one the API defines. */
  const checkScopes = (audience: string, scope: readonly string[]) => {
    const api = deps.resourceServers.findByIdentifier(audience);
    if (!api) throw mgmtErrors.badRequest('invalid_body', 'The audience is not a resource server of this tenant.');
    const unknown = scope.find((value) => !api.scopes.some((item) => item.value === value));
    if (unknown !== undefined) throw mgmtErrors.invalidBody(`'Unknown scope: ${unknown}' on property scope`);
  };
  const ip = (call: ManagementCall): string => {
    const value = call.params['ip'] ?? '';
    if (isIP(value) === 0) throw mgmtErrors.badRequest('invalid_uri', 'The ip must be an IPv4 or IPv6 address.');
    return value;
  };
  const preLogin = () => deps.repos.attackProtection.suspiciousIp().preLogin;

  return [
    {
      method: 'GET',
      url: '/client-grants',
      scopes: ['read:client_grants'],
      handler(call) {
        const query = parseQuery(ListQuery, call.query);
        const request = pageRequest(query);
        const all = grants.list({
          ...(query.audience !== undefined && { audience: query.audience }),
          ...(query.client_id !== undefined && { clientId: query.client_id }),
        });
        return pageBody('client_grants', slicePage(all, request).map(clientGrantWire), all.length, request);
      },
    },
    {
      method: 'POST',
      url: '/client-grants',
      scopes: ['create:client_grants'],
      description: 'Create a client grant',
      status: 201,
      handler(call) {
        const body = parseBody(Create, call.body);
        return call.commit(() => {
          if (!deps.repos.clients.findById(body.client_id)) {
            throw mgmtErrors.badRequest('invalid_body', 'The client does not exist.');
          }
          checkScopes(body.audience, body.scope);
          try {
            return clientGrantWire(
              grants.create({ clientId: body.client_id, audience: body.audience, scope: body.scope }),
            );
          } catch (error) {
            if (error instanceof ClientGrantConflictError)
              throw mgmtErrors.conflict('client_grant_conflict', error.message);
            throw error;
          }
        });
      },
    },
    {
      method: 'PATCH',
      url: '/client-grants/:id',
      scopes: ['update:client_grants'],
      description: 'Update a client grant',
      handler(call) {
        const body = parseBody(Patch, call.body);
        return call.commit(() => {
          const grant = find(call);
          if (body.scope === undefined) return clientGrantWire(grant);
          checkScopes(grant.audience, body.scope);
          return clientGrantWire(grants.updateScope(grant.id, body.scope) ?? grant);
        });
      },
    },
    {
      method: 'DELETE',
      url: '/client-grants/:id',
      scopes: ['delete:client_grants'],
      description: 'Delete a client grant',
      status: 204,
      handler(call) {
        call.commit(() => grants.delete(find(call).id));
      },
    },
    {
      method: 'GET',
      url: '/anomaly/blocks/ips/:ip',
      scopes: ['read:anomaly_blocks'],
      handler(call) {
        // Auth0 answers 200 when the IP is blocked and 404 when it is not.
        if (!deps.repos.ipThrottle.isThrottled(ip(call), preLogin())) {
          throw mgmtErrors.notFound('IP block', 'inexistent_ip_block');
        }
        return undefined;
      },
    },
    {
      method: 'DELETE',
      url: '/anomaly/blocks/ips/:ip',
      scopes: ['delete:anomaly_blocks'],
      description: 'Remove the blocked IP address',
      status: 204,
      handler(call) {
        const address = ip(call);
        call.commit(() => deps.repos.ipThrottle.release(address));
      },
    },
  ];
}
