import { appError, type AppResult } from '../../common/errors/app-error';
import type { Json, StageRequest } from '../../renderer/features/admin/staging/staged-change';

/**
 * One setting of a tenant, held in memory: what a staged change reads and writes. Tests change `value`
 * "behind the pane's back" and count the writes, so they can assert on what reached the tenant.
 */
export class TenantSetting {
  writes: Json[] = [];
  failNextWrite = false;
  constructor(public value: Json) {}

  readLive = (): Promise<AppResult<Json>> => Promise.resolve({ ok: true, value: this.value });

  write = (next: Json): Promise<AppResult<Json>> => {
    if (this.failNextWrite) {
      this.failNextWrite = false;
      return Promise.resolve({ ok: false, error: appError('server_error', 'The server could not save it.') });
    }
    this.writes.push(next);
    this.value = next;
    return Promise.resolve({ ok: true, value: next });
  };

  request(key: string, title: string, draft: Json): StageRequest {
    return {
      key,
      area: 'attack-protection',
      title,
      base: this.value,
      draft,
      readLive: this.readLive,
      write: this.write,
    };
  }
}
