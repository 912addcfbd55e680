import { Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { adminListUserLogs } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { LogTable } from '../logs/log-table';
import { LoadingLine } from '../shared/loading-line';
import { useAdminLoad } from '../use-admin-load';

/** The user's ten most recent tenant log events (sign-ins, failures, locks), newest first. */
export function UserLogs({ userId }: { userId: string }) {
  const headingId = useId();
  const logs = useAdminLoad(['user-logs', userId], () => adminListUserLogs({ userId, page: 0, perPage: 10 }));
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={4} id={headingId}>
          Recent log events
        </Title>
        {logs.error && <ErrorCallout error={logs.error} />}
        {logs.isLoading && logs.value === undefined && <LoadingLine label="Loading log events…" />}
        {logs.value?.items.length === 0 && <Text size="sm">No log events for this user.</Text>}
        {logs.value !== undefined && logs.value.items.length > 0 && (
          <LogTable events={logs.value.items} labelledBy={headingId} showUser={false} />
        )}
      </Stack>
    </Paper>
  );
}
