import { Group, List, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useId, useState } from 'react';
import type { LogEvent } from '../../../../common/admin/log.schema';
import { adminListUserLogs } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { OpenLink } from '../../../components/open-link';
import { LogDetail } from '../logs/log-detail';
import { eventKind, eventSummary } from '../logs/log-event-words';
import { loginPipeline, newestFirst, timelineKind, type TimelineKind } from '../logs/log-pipeline';
import { LoadingLine } from '../shared/loading-line';
import { Pager } from '../shared/pager';
import { useAdminLoad } from '../use-admin-load';
import { readableDate } from './user-words';

const perPage = 25;

const kindWords: Record<TimelineKind, string> = {
  'sign-in': 'Sign-in',
  refresh: 'Refresh',
  failure: 'Failure',
  block: 'Block',
  mfa: 'Second factor',
  other: 'Other',
};

/**
 * The user's login timeline from the tenant log, newest first: sign-ins, refreshes, failures, blocks and MFA
 * events, each opening its detail. A sign-in names the rules and actions that ran and the claims they set, as
 * its log event records them. Read-only, so support staff (read:logs) see it too.
 */
export function UserTimeline({ userId }: { userId: string }) {
  const headingId = useId();
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<LogEvent>();
  const logs = useAdminLoad(['user-logs', userId, page], () => adminListUserLogs({ userId, page, perPage }));

  if (open) {
    return <LogDetail summary={open} backLabel="Back to the login timeline" onBack={() => setOpen(undefined)} />;
  }
  const events = newestFirst(logs.value?.items ?? []);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={4} id={headingId}>
          Login timeline
        </Title>
        {logs.error && <ErrorCallout error={logs.error} />}
        {logs.isLoading && logs.value === undefined && <LoadingLine label="Loading the login timeline…" />}
        {logs.value?.items.length === 0 && <Text size="sm">No sign-in events for this user.</Text>}
        {events.length > 0 && (
          <Timeline
            bulletSize={14}
            lineWidth={2}
            aria-labelledby={headingId}
            component="ol"
            style={{ listStyle: 'none', paddingInlineStart: 0 }}
          >
            {events.map((event) => (
              <TimelineEntry key={event.log_id} event={event} onOpen={() => setOpen(event)} />
            ))}
          </Timeline>
        )}
        {logs.value && (
          <Pager
            start={logs.value.start}
            limit={logs.value.limit}
            total={logs.value.total}
            shown={logs.value.items.length}
            noun={{ one: 'event', many: 'events' }}
            isLoading={logs.isLoading}
            onPage={setPage}
          />
        )}
      </Stack>
    </Paper>
  );
}

function TimelineEntry({ event, onOpen }: { event: LogEvent; onOpen: () => void }) {
  const kind = eventKind(event.type);
  const group = timelineKind(event.type);
  const pipeline = group === 'sign-in' || group === 'refresh' ? loginPipeline(event) : undefined;
  const when = readableDate(event.date) ?? event.date;
  return (
    <Timeline.Item component="li" data-log-type={event.type}>
      <Group gap="xs">
        {/* Plain text, not a coloured badge: it keeps its contrast in both themes; the outcome is in the words. */}
        <Text size="xs" fw={700} tt="uppercase">
          {kindWords[group]}
        </Text>
        <OpenLink onOpen={onOpen} label={`${kind.words}, ${when}. Open the event`}>
          {kind.words}
        </OpenLink>
      </Group>
      <Text size="xs">
        {when}
        {event.client_name ? ` · ${event.client_name}` : ''}
        {event.ip ? ` · ${event.ip}` : ''}
      </Text>
      {eventSummary(event) !== '' && <Text size="sm">{eventSummary(event)}</Text>}
      {pipeline && (
        <List size="xs" spacing={0}>
          <List.Item>Ran: {pipeline.ran.length === 0 ? 'no rules or actions' : pipeline.ran.join(', ')}</List.Item>
          {pipeline.claims.length > 0 && <List.Item>Claims set: {pipeline.claims.join('; ')}</List.Item>}
        </List>
      )}
    </Timeline.Item>
  );
}
