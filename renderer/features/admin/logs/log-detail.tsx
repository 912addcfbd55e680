import { Button, Code, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import type { LogEvent } from '../../../../common/admin/log.schema';
import { adminGetLog } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import classes from '../shared/admin.module.css';
import { FactList } from '../shared/fact-list';
import { readableDate } from '../users/user-words';
import { useAdminLoad } from '../use-admin-load';
import { adminChangeWords, eventKind } from './log-event-words';
import { LogOutcomeBadge } from './log-outcome-badge';
import { blockOf, LogEventBlock } from './log-event-block';
import { loginPipeline } from './log-pipeline';

export interface LogDetailProps {
  /** The event as the list showed it, so the page has content before the full read answers. */
  summary: LogEvent;
  onBack: () => void;
  /** Where "Back" goes, in words. */
  backLabel?: string;
  /** Opens the event's user in the Users section; without it (already on the user's page) no link is shown. */
  onOpenUser?: (userId: string) => void;
}

const asText = (value: unknown) =>
  value === undefined || value === null ? undefined : typeof value === 'string' ? value : JSON.stringify(value);

/** One log event in full: every field in words, and the raw `details` for support staff. */
export function LogDetail({ summary, onBack, backLabel = 'Back to log events', onOpenUser }: LogDetailProps) {
  const full = useAdminLoad(['log', summary.log_id], () => adminGetLog(summary.log_id));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const detailsId = useId();
  const event = full.value ?? summary;
  const kind = eventKind(event.type);
  const change = adminChangeWords(event);
  const pipeline = loginPipeline(event);
  const block = blockOf(event);

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <Stack gap="lg">
      <Group>
        <Button variant="subtle" onClick={onBack}>
          <span aria-hidden>←&nbsp;</span>
          {backLabel}
        </Button>
      </Group>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={3} ref={headingRef} tabIndex={-1}>
                {kind.words}
              </Title>
              <Text size="sm">
                Event code <Code>{event.type}</Code>
              </Text>
            </div>
            <LogOutcomeBadge outcome={kind.outcome} />
          </Group>
          {full.error && <ErrorCallout error={full.error} />}
          <FactList
            facts={[
              ['When', readableDate(event.date) ?? event.date],
              ['What was done', change],
              ['Description', event.description ?? undefined],
              // An admin change's user is the admin who made it (the target is in "What was done").
              [change === undefined ? 'User' : 'Done by', event.user_name],
              [change === undefined ? 'User ID' : 'Done by (user ID)', event.user_id],
              ['Realm', event.connection],
              ['Client', event.client_name ?? event.client_id],
              ['Audience', event.audience],
              ['Scope', asText(event.scope)],
              ['IP address', event.ip],
              ['Caller’s IP address', event.client_ip ?? undefined],
              ['User agent', event.user_agent],
              ['Log ID', event.log_id],
            ]}
          />
          {onOpenUser && event.user_id !== undefined && change === undefined && (
            <Group>
              <Button variant="light" onClick={() => onOpenUser(event.user_id ?? '')}>
                Open {event.user_name ?? event.user_id}’s page
              </Button>
            </Group>
          )}
          {pipeline && (
            <div>
              <Text size="sm" fw={600}>
                Rules and actions of this sign-in
              </Text>
              <List size="sm">
                <List.Item>
                  Ran: {pipeline.ran.length === 0 ? 'no rules or actions' : pipeline.ran.join(', ')}
                </List.Item>
                {pipeline.claims.map((claim) => (
                  <List.Item key={claim}>Claim {claim}</List.Item>
                ))}
              </List>
            </div>
          )}
          {block && <LogEventBlock target={block} userName={event.user_name ?? event.user_id ?? 'The user'} />}
          {event.details && (
            <div>
              <Text size="sm" fw={600} id={detailsId}>
                Raw details
              </Text>
              <pre
                className={`${classes.code} ${classes.json}`}
                // A named, focusable region: it scrolls, so keyboard users must be able to reach it.
                role="region"
                aria-labelledby={detailsId}
                tabIndex={0}
              >
                {JSON.stringify(event.details, null, 2)}
              </pre>
            </div>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
