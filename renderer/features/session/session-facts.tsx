import { Code, Group, Text } from '@mantine/core';
import type { SessionSummary } from '../../../common/ipc/session.schema';
import { ExpiryCountdown } from '../../components/expiry-countdown';
import classes from './session-view.module.css';

/** The account at a glance, as a definition list: who, where from, until when, and kept where. */
export function SessionFacts({ session }: { session: SessionSummary }) {
  const scopes = session.scope.split(' ').filter(Boolean);
  return (
    <dl className={classes.facts}>
      <dt>Username</dt>
      <dd>{session.username}</dd>
      <dt>Realm</dt>
      <dd>{session.realm ?? 'Default directory'}</dd>
      <dt>Token expires</dt>
      <dd>
        <ExpiryCountdown expiresAt={session.expiresAt} />
        {!session.renewable && <Text size="sm">No refresh token: you will need to sign in again when it expires.</Text>}
      </dd>
      {session.audience !== undefined && (
        <>
          <dt>Audience</dt>
          <dd className={classes.wrap}>{session.audience}</dd>
        </>
      )}
      <dt>Scope</dt>
      <dd>
        {scopes.length === 0 ? (
          'None'
        ) : (
          <Group gap={4} component="span">
            {scopes.map((scope) => (
              <Code key={scope}>{scope}</Code>
            ))}
          </Group>
        )}
      </dd>
    </dl>
  );
}
