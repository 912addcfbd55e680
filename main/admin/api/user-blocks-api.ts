import { z } from 'zod';
import type { AppResult } from '../../../common/errors/app-error';
import { UserBlock, type BlockTarget } from '../../../common/admin/user.schema';
import { ok } from '../../../common/result';
import type { ManagementRequest, ManagementTransport } from '../management-transport';
import { op } from './api-helpers';

const Blocks = z.object({ blocked_for: z.array(UserBlock) });

/**
 * `/user-blocks` (auth0-wire.md §3.2): brute-force blocks, by login identifier or by user id. These are
 * the automatic blocks after too many failed sign-ins, not the admin block (`blocked` on the user).
 */
export class UserBlocksApi {
  constructor(private readonly transport: ManagementTransport) {}

  async list(target: BlockTarget): Promise<AppResult<UserBlock[]>> {
    const reply = await this.transport.call(
      { method: 'GET', ...where(target), operation: op('read the brute-force blocks', 'user') },
      Blocks,
    );
    return reply.ok ? ok(reply.value.value.blocked_for) : reply;
  }

  /** Releases every block of the identifier or user (the server logs `ublkdu`). */
  clear(target: BlockTarget) {
    return this.transport.run({
      method: 'DELETE',
      ...where(target),
      operation: op('clear the brute-force blocks', 'user'),
    });
  }

  /**
   * Whether suspicious-IP throttling blocks an address (`GET /anomaly/blocks/ips/{ip}`, §3.3): Auth0
   * answers 200 when it does and 404 when it does not, so a 404 here is an answer, not a failure.
   */
  async isIpBlocked(ip: string): Promise<AppResult<boolean>> {
    const reply = await this.transport.run({
      method: 'GET',
      path: ['anomaly', 'blocks', 'ips', ip],
      operation: op('check the IP address block', 'IP address block'),
    });
    if (reply.ok) return ok(true);
    return reply.error.code === 'not_found' && reply.error.detail?.error !== 'not_found' ? ok(false) : reply;
  }

  /** Lifts a suspicious-IP block (`DELETE /anomaly/blocks/ips/{ip}`). */
  clearIp(ip: string) {
    return this.transport.run({
      method: 'DELETE',
      path: ['anomaly', 'blocks', 'ips', ip],
      operation: op('lift the IP address block', 'IP address block'),
    });
  }
}

function where(target: BlockTarget): Pick<ManagementRequest, 'path' | 'query'> {
  return 'identifier' in target
    ? { path: ['user-blocks'], query: { identifier: target.identifier } }
    : { path: ['user-blocks', target.userId] };
}
