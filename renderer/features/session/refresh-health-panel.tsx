import { Badge, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { MemoryReason, SessionSummary } from '../../../common/ipc/session.schema';
import { formatLocalDateTime, formatRelative } from '../../components/time-format';
import { useNow } from '../../components/use-now';
import classes from './session-view.module.css';

/** The true reason a refresh token stays in memory, in words a user can act on. */
export const memoryReasonWords: Record<MemoryReason, string> = {
  'no-keychain': 'The system keychain is not available, so nothing was saved.',
  policy: 'Your organisation does not allow Gatehouse to keep sessions after it quits.',
  'user-choice': 'You chose not to stay signed in (“Keep me signed in” was off).',
};

function When({ at, now }: { at: number; now: number }) {
  return (
    <>
      <time dateTime={new Date(at).toISOString()}>{formatLocalDateTime(at)}</time>{' '}
      <Text component="span" size="sm" c="dimmed">
        ({formatRelative(at, now)})
      </Text>
    </>
  );
}

function rotationWords(rotates: boolean | null): string {
  if (rotates === null) return 'Not known yet: there has been no refresh';
  return rotates
    ? 'Yes: the refresh token changed on the last refresh'
    : 'No: the last refresh kept the same refresh token';
}

/**
 * Refresh-token health: when the session began and last rotated, whether the server rotates, the last refresh
 * and its result (with the server's words), the next planned refresh, and where the token lives and why.
 * Everything comes from SessionSummary.health; no token is ever in it.
 */
export function RefreshHealthPanel({ session }: { session: SessionSummary }) {
  const now = useNow();
  const { health } = session;
  const last = health.lastRefresh;
  const titleId = useId();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={titleId}>
          Refresh token health
        </Title>
        <dl className={classes.facts}>
          <dt>Session began</dt>
          <dd>
            <When at={health.startedAt} now={now} />
            <Text size="sm">
              {health.startedBy === 'sign-in' ? 'Signed in with a password' : 'Restored from the system keychain'}
            </Text>
          </dd>
          <dt>Last rotated</dt>
          <dd>{health.lastRotatedAt === null ? 'Not yet' : <When at={health.lastRotatedAt} now={now} />}</dd>
          <dt>Server rotates tokens</dt>
          <dd>{rotationWords(health.rotates)}</dd>
          <dt>Last refresh</dt>
          <dd>
            {last === null ? (
              'None yet'
            ) : (
              <>
                <When at={last.at} now={now} />{' '}
                <Badge color={last.ok ? 'green' : 'red'} variant="light">
                  {last.ok ? 'Succeeded' : 'Failed'}
                </Badge>
                {!last.ok && last.message !== undefined && <Text size="sm">{last.message}</Text>}
                {!last.ok && last.detail !== undefined && <Text size="sm">The server said: “{last.detail}”</Text>}
              </>
            )}
          </dd>
          <dt>Next refresh</dt>
          <dd>
            {health.nextRefreshAt !== null ? (
              <When at={health.nextRefreshAt} now={now} />
            ) : session.locked ? (
              'Paused while Gatehouse is locked'
            ) : (
              'None planned: there is no refresh token'
            )}
          </dd>
          <dt>Refresh token kept in</dt>
          <dd>
            {session.storage === 'keychain' ? (
              'The system keychain (you stay signed in after a restart)'
            ) : (
              <>
                Memory only
                {health.memoryReason !== null && <Text size="sm">{memoryReasonWords[health.memoryReason]}</Text>}
              </>
            )}
          </dd>
        </dl>
      </Stack>
    </Paper>
  );
}
