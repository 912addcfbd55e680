import type { AppResult } from '../../common/errors/app-error';
import type { ProfileSummary } from '../../common/ipc/profile.contract';
import type { SessionSummary } from '../../common/ipc/session.schema';
import { activeProfile, restoreSession } from '../api/gatehouse';

export interface Startup {
  profile: AppResult<ProfileSummary>;
  /** The silently restored session, null when nothing was stored. */
  restored: AppResult<SessionSummary | null>;
}

/**
 * Everything the first screen needs, fetched once. It is started outside React (see main.tsx) so that
 * StrictMode's double render in development cannot send the keychain restore twice.
 */
export async function loadStartup(): Promise<Startup> {
  const [profile, restored] = await Promise.all([activeProfile(), restoreSession()]);
  return { profile, restored };
}
