import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { KeychainHealth } from '../../../common/ipc/settings.contract';
import { keychainHealth } from '../../api/gatehouse';
import { appErrorOf, unwrap } from '../../api/query-client';
import { ErrorCallout } from '../../components/error-callout';
import { formatLocalDateTime } from '../../components/time-format';

/** What happens to a sign-in without a keychain, as the managed policy decides it. */
export function withoutKeychainWords(health: Pick<KeychainHealth, 'keychainUnavailable' | 'persistSessions'>): string {
  if (!health.persistSessions) {
    return 'Your organisation does not let Gatehouse keep sessions at all: every launch asks for your password, keychain or not.';
  }
  return health.keychainUnavailable === 'refuse'
    ? 'Without a working keychain, your organisation’s policy refuses sign-in.'
    : 'Without a working keychain, you can still sign in, but the session is kept in memory only and ends when Gatehouse quits.';
}

/** Settings' keychain health: checked when Settings opens and whenever "Check again" is pressed. */
export function KeychainHealthPanel() {
  const health = useQuery({
    queryKey: ['settings', 'keychain'],
    queryFn: () => unwrap(keychainHealth()),
    staleTime: 0,
  });
  const failure = appErrorOf(health.error);
  const data = health.data;
  return (
    <Stack gap="xs" component="section" aria-labelledby="keychain-heading" aria-busy={health.isFetching}>
      <Group justify="space-between">
        <Title order={2} size="h3" id="keychain-heading">
          System keychain
        </Title>
        <Button size="xs" variant="default" loading={health.isFetching} onClick={() => void health.refetch()}>
          Check again
        </Button>
      </Group>
      {failure && <ErrorCallout error={failure} />}
      {health.isPending && <Text size="sm">Checking the keychain…</Text>}
      {data && (
        <>
          <Text size="sm" fw={700}>
            {data.works
              ? 'The keychain works: Gatehouse can keep your session there.'
              : 'The keychain does not work right now.'}
          </Text>
          {data.reason !== undefined && <Text size="sm">The keychain said: {data.reason}</Text>}
          <Text size="sm">{withoutKeychainWords(data)}</Text>
          <Text size="xs" c="dimmed">
            Checked {formatLocalDateTime(data.checkedAt)} by storing, reading back and deleting a test entry.
          </Text>
        </>
      )}
    </Stack>
  );
}
