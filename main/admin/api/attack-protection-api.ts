import type { z } from 'zod';
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

/** The two settings documents, each read with GET and changed with PATCH at its own path. */
type Setting = 'brute-force-protection' | 'suspicious-ip-throttling';

/** `/attack-protection/*` (auth0-wire.md §3.2, §3.3, §7.7): the tenant's brute-force and IP throttling. */
export class AttackProtectionApi {
  constructor(private readonly transport: ManagementTransport) {}

  bruteForce(): Promise<AppResult<BruteForceProtection>> {
    return this.#setting('brute-force-protection', BruteForceProtection, 'the brute-force settings');
  }

  updateBruteForce(patch: BruteForcePatch): Promise<AppResult<BruteForceProtection>> {
    return this.#setting('brute-force-protection', BruteForceProtection, 'the brute-force settings', patch);
  }

  suspiciousIp(): Promise<AppResult<SuspiciousIpThrottling>> {
    return this.#setting('suspicious-ip-throttling', SuspiciousIpThrottling, 'the suspicious-IP settings');
  }

  updateSuspiciousIp(patch: SuspiciousIpPatch): Promise<AppResult<SuspiciousIpThrottling>> {
    return this.#setting('suspicious-ip-throttling', SuspiciousIpThrottling, 'the suspicious-IP settings', patch);
  }

  /** Reads the setting, or changes it when a patch is given; the answer is the whole setting either way. */
  async #setting<T extends z.ZodType>(
    setting: Setting,
    schema: T,
    what: string,
    patch?: object,
  ): Promise<AppResult<z.output<T>>> {
    const reply = await this.transport.call(
      {
        method: patch === undefined ? 'GET' : 'PATCH',
        path: ['attack-protection', setting],
        ...(patch === undefined ? {} : { body: patch }),
        operation: op(`${patch === undefined ? 'read' : 'change'} ${what}`, 'setting'),
      },
      schema,
    );
    return reply.ok ? ok(reply.value.value) : reply;
  }
}
