import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import type { LogEvent } from '../../../../common/admin/log.schema';
import { ErrorCallout } from '../../../components/error-callout';
import { LoadingLine } from '../shared/loading-line';
import { LogTable } from './log-table';
import { tailCap } from './log-tail-rows';
import { useLogTail } from './use-log-tail';

/** The live tail: new events appear at the top every few seconds until paused or the section is left. */
export function LogTail({ onOpen }: { onOpen: (event: LogEvent) => void }) {
  const headingId = useId();
  const [isRunning, setRunning] = useState(true);
  const tail = useLogTail(isRunning);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3} id={headingId}>
            Live tail
          </Title>
          <Button variant="default" onClick={() => setRunning((running) => !running)} aria-pressed={!isRunning}>
            {isRunning ? 'Pause' : 'Resume'}
          </Button>
        </Group>
        <Text size="sm" role="status">
          {tail.error
            ? 'Stopped: the log could not be read.'
            : isRunning
              ? `Live: new events appear at the top (the latest ${tailCap} are kept).`
              : 'Paused: no new events are read until you resume.'}
        </Text>
        {tail.error && <ErrorCallout error={tail.error} />}
        {tail.isStarting && <LoadingLine label="Reading the latest events…" />}
        {!tail.isStarting && tail.events.length === 0 && <Text size="sm">No events yet.</Text>}
        {tail.events.length > 0 && <LogTable events={tail.events} labelledBy={headingId} onOpen={onOpen} />}
      </Stack>
    </Paper>
  );
}
