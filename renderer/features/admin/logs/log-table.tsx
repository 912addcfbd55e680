import { Code, Table, Text } from '@mantine/core';
import { OpenLink } from '../../../components/open-link';
import type { LogEvent } from '../../../../common/admin/log.schema';
import { readableDate } from '../users/user-words';
import { eventKind, eventSummary } from './log-event-words';
import { LogOutcomeBadge } from './log-outcome-badge';

export interface LogTableProps {
  events: readonly LogEvent[];
  /** The heading that names the table. */
  labelledBy: string;
  /** Opens one event's detail; without it, rows are plain text. */
  onOpen?: (event: LogEvent) => void;
  /** Leave the user column out when the table is about one user already. */
  showUser?: boolean;
}

/** Tenant log events, one row each: when, what (in words, with Auth0's code), outcome and who. */
export function LogTable({ events, labelledBy, onOpen, showUser = true }: LogTableProps) {
  return (
    <Table aria-labelledby={labelledBy} striped withTableBorder verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">When</Table.Th>
          <Table.Th scope="col">Event</Table.Th>
          {/* A width keeps the badge whole: table cells may otherwise squeeze it to an ellipsis. */}
          <Table.Th scope="col" w={110}>
            Outcome
          </Table.Th>
          <Table.Th scope="col">Details</Table.Th>
          {showUser && <Table.Th scope="col">User</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.map((event) => {
          const kind = eventKind(event.type);
          const when = readableDate(event.date) ?? event.date;
          return (
            <Table.Tr key={event.log_id} data-log-type={event.type}>
              <Table.Td>
                {onOpen ? (
                  <OpenLink onOpen={() => onOpen(event)} label={`${when}: ${kind.words}. Open the event`}>
                    {when}
                  </OpenLink>
                ) : (
                  <Text size="sm">{when}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{kind.words}</Text>
                <Code>{event.type}</Code>
              </Table.Td>
              <Table.Td>
                <LogOutcomeBadge outcome={kind.outcome} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{eventSummary(event)}</Text>
              </Table.Td>
              {showUser && (
                <Table.Td>
                  <Text size="sm">{event.user_name ?? event.user_id ?? '—'}</Text>
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
