import type { AppResult } from '../../../common/errors/app-error';
import type { SessionSummary } from '../../../common/ipc/session.schema';
import { ok } from '../../../common/result';
import type { CliServices } from '../cli-services';

/** Restores the saved sessions and picks the one `login` last used (else whichever restored first). */
export async function restoreActive({ settings, sessions }: CliServices): Promise<AppResult<SessionSummary | null>> {
  const restored = await sessions.restore();
  if (!restored.ok) return restored;
  const wanted = settings.settings().activeAccountId;
  if (wanted !== null) {
    const switched = sessions.switchTo(wanted);
    if (switched.ok) return ok(switched.value);
  }
  return restored;
}
