import { Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { formatLocalDateTime } from '../../components/time-format';
import { forgetCalls, useCallHistory, type PastCall } from './call-history';

/** The last calls of this window, newest first; "Load" puts one back in the form. */
export function HistoryList({ onLoad }: { onLoad: (call: PastCall) => void }) {
  const calls = useCallHistory();
  return (
    <Stack gap="xs" component="section" aria-labelledby="api-history-heading">
      <Group justify="space-between">
        <Title order={3} id="api-history-heading">
          History
        </Title>
        {calls.length > 0 && (
          <Button size="xs" variant="default" onClick={forgetCalls}>
            Clear history
          </Button>
        )}
      </Group>
      {calls.length === 0 ? (
        <Text size="sm">No calls yet. The last twenty are kept until Gatehouse closes.</Text>
      ) : (
        <Table aria-labelledby="api-history-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Request</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Action</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {calls.map((call) => (
              <Table.Tr key={call.id}>
                <Table.Td ff="monospace">
                  {call.request.method} /{call.request.path.replace(/^\/+/, '')}
                </Table.Td>
                <Table.Td>
                  {call.status === null ? 'failed' : call.status}
                  {call.durationMs === null ? '' : ` · ${call.durationMs} ms`}
                </Table.Td>
                <Table.Td>{formatLocalDateTime(call.at)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => onLoad(call)}
                    aria-label={`Load ${call.request.method} ${call.request.path}`}
                  >
                    Load
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
