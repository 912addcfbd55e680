import type { AppResult } from '../../../common/errors/app-error';
import {
  BruteForceProtection,
  SuspiciousIpThrottling,
  type BruteForcePatch,
  type SuspiciousIpPatch,
} from '../../../common/admin/log.schema';
import { ok } from '../../../common/result';
import type { ManagementTransport } from '../management-transport';
import { op } from './api-helpers';

/** `/attack-protection/*` (auth0-wire.md §3.2, §3.3, §7.7): the tenant's brute-force and IP throttling. */
export class AttackProtectionApi {
  constructor(private readonly transport: ManagementTransport) {}

  async bruteForce(): Promise<AppResult<BruteForceProtection>> {
    const reply = await this.transport.call(
      {
        method: 'GET',
        path: ['attack-protection', 'brute-force-protection'],
        operation: op('read the brute-force settings', 'setting'),
      },
      BruteForceProtection,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  async updateBruteForce(patch: BruteForcePatch): Promise<AppResult<BruteForceProtection>> {
    const reply = await this.transport.call(
      {
        method: 'PATCH',
        path: ['attack-protection', 'brute-force-protection'],
        body: patch,
        operation: op('change the brute-force settings', 'setting'),
      },
      BruteForceProtection,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  async suspiciousIp(): Promise<AppResult<SuspiciousIpThrottling>> {
    const reply = await this.transport.call(
      {
        method: 'GET',
        path: ['attack-protection', 'suspicious-ip-throttling'],
        operation: op('read the suspicious-IP settings', 'setting'),
      },
      SuspiciousIpThrottling,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }

  async updateSuspiciousIp(patch: SuspiciousIpPatch): Promise<AppResult<SuspiciousIpThrottling>> {
    const reply = await this.transport.call(
      {
        method: 'PATCH',
        path: ['attack-protection', 'suspicious-ip-throttling'],
        body: patch,
        operation: op('change the suspicious-IP settings', 'setting'),
      },
      SuspiciousIpThrottling,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }
}
