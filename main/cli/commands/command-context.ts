import type { SessionManager } from '../../session/session-manager';
import type { Profile } from '../../settings/profile';

/** What every command gets from the entry point: where state lives and how to build a session manager. */
export interface CommandContext {
  readonly statePath: string;
  readonly createSessions: (profile: Profile) => SessionManager;
}
