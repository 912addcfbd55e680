import type { SessionSummary } from '../../../common/ipc/session.schema';

const notSavedBecause = {
  'no-keychain': 'not saved (no keychain)',
  policy: 'not saved (your organisation does not allow it)',
  'user-choice': 'not saved (you chose not to stay signed in)',
} as const;

/** A short human summary of a session for the terminal. */
export function describeSession(session: SessionSummary): string {
  const who = session.user.email ?? session.user.name ?? session.username;
  const realm = session.realm ?? 'default directory';
  const stored =
    session.storage === 'keychain'
      ? 'kept in the keychain'
      : notSavedBecause[session.health.memoryReason ?? 'no-keychain'];
  return [
    `Signed in as ${who} (${session.user.sub}) in ${realm}.`,
    `Access token expires ${new Date(session.expiresAt).toISOString()}; scope: ${session.scope || '(none)'}.`,
    `Refresh token: ${session.renewable ? stored : 'none issued'}.`,
  ].join('\n');
}
