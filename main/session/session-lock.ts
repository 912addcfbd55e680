import type { AppResult } from '../../common/errors/app-error';
import type { SessionSummary } from '../../common/ipc/session.schema';
import { ok } from '../../common/result';
import type { SessionEvents } from './session-events';
import type { SessionRegistry } from './session-registry';
import type { SessionRenewal } from './session-renewal';

export interface SessionLockDeps {
  readonly registry: SessionRegistry;
  readonly renewal: SessionRenewal;
  readonly events: SessionEvents;
}

/**
 * The idle lock: access and ID tokens leave memory, refresh tokens stay, so unlocking needs no password.
 * What triggers it is main/session/idle-lock.ts.
 */
export class SessionLock {
  constructor(private readonly deps: SessionLockDeps) {}

  lock(): void {
    const { registry, events } = this.deps;
    events.credentialsEnded({ kind: 'all' });
    // No proactive refresh while locked: it would bring the dropped tokens back.
    this.deps.renewal.stopAll();
    for (const session of registry.all()) session.tokens = null;
    if (registry.size > 0) events.changed({ session: registry.activeSummary(), reason: 'locked' });
  }

  /** Renews every locked account; one that fails stays locked (or ends, if the server refused it). */
  async unlock(): Promise<AppResult<SessionSummary | null>> {
    for (const session of this.deps.registry.all()) {
      if (session.tokens === null) await this.deps.renewal.refresh(session.accountId);
    }
    const active = this.deps.registry.activeSummary();
    this.deps.events.changed({ session: active, reason: 'unlocked' });
    return ok(active);
  }
}
