import { z } from 'zod';
import type { BlockReleaseContext, UserBlock } from '../storage/brute-force-repository';
import type { ManagementDependencies } from './dependencies';
import type { ManagementCall, ManagementRoute } from './route';
import { findUser } from './users';
import { parseQuery, queryBoolean, queryString } from './validation';

const ByIdentifier = z.object({
  identifier: queryString.min(1, 'is required'),
  consider_brute_force_enablement: queryBoolean.optional(),
});
const ById = z.object({ consider_brute_force_enablement: queryBoolean.optional() });

/** Auth0's `blocked_for` item (auth0-wire.md §3.2); `ip` is absent in per-identifier (lockout) mode. */
function blockWire(block: UserBlock) {
  return {
    identifier: block.identifier,
    ...(block.ip !== undefined && { ip: block.ip }),
    connection: block.connection,
  };
}

/**
 * `/user-blocks` (§3.2): brute-force blocks, by identifier or by user id, listed (`read:users`) and
 * released (`update:users`, 204). Releasing writes `ublkdu` (issue #3's store does) with the admin's
 * request as context. Admin blocks (`blocked: true`) are a different mechanism, on `PATCH /users/{id}`.
 */
export function userBlockRoutes(deps: ManagementDependencies): ManagementRoute[] {
  const blocks = deps.repos.userBlocks;

  /** With `consider_brute_force_enablement=true`, blocks are hidden while the feature is off (§3.2). */
  const visible = (list: UserBlock[], consider: boolean | undefined) =>
    consider === true && !deps.repos.attackProtection.bruteForce().enabled ? [] : list;

  const releaseContext = (call: ManagementCall): BlockReleaseContext => ({
    ip: call.request.ip,
    ...(call.actor.clientId !== null && { clientId: call.actor.clientId }),
    ...(typeof call.request.headers['user-agent'] === 'string' && {
      userAgent: call.request.headers['user-agent'].slice(0, 512),
    }),
  });

  return [
    {
      method: 'GET',
      url: '/user-blocks',
      scopes: ['read:users'],
      handler(call) {
        const query = parseQuery(ByIdentifier, call.query);
        return {
          blocked_for: visible(blocks.listByIdentifier(query.identifier), query.consider_brute_force_enablement).map(
            blockWire,
          ),
        };
      },
    },
    {
      method: 'DELETE',
      url: '/user-blocks',
      scopes: ['update:users'],
      description: 'Unblock a user by identifier',
      status: 204,
      handler(call) {
        const query = parseQuery(ByIdentifier, call.query);
        call.commit(() => blocks.clearByIdentifier(query.identifier, releaseContext(call)));
      },
    },
    {
      method: 'GET',
      url: '/user-blocks/:id',
      scopes: ['read:users'],
      handler(call) {
        const query = parseQuery(ById, call.query);
        const user = findUser(deps, call);
        return {
          blocked_for: visible(blocks.listByUserId(user.id), query.consider_brute_force_enablement).map(blockWire),
        };
      },
    },
    {
      method: 'DELETE',
      url: '/user-blocks/:id',
      scopes: ['update:users'],
      description: 'Unblock a user',
      status: 204,
      handler(call) {
        parseQuery(ById, call.query);
        call.commit(() => blocks.clearByUserId(findUser(deps, call).id, releaseContext(call)));
      },
    },
  ];
}
