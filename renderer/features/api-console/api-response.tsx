import { Alert, Badge, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ApiCallResult } from '../../../common/ipc/api.contract';

/** The body indented when it is JSON, as it came otherwise. */
export function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** Words beside the number, so the outcome does not rest on colour alone. */
function statusWords(status: number): string {
  if (status < 300) return 'success';
  if (status < 400) return 'redirect';
  if (status < 500) return 'refused by the API';
  return 'server error';
}

/** Status, time, headers and body of one answer, and whether main had to refresh the token to get it. */
export function ApiResponse({ result }: { result: ApiCallResult }) {
  const headers = Object.entries(result.headers).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Stack gap="sm" aria-label="Response" component="section">
      <Title order={3}>Response</Title>
      <Group gap="sm">
        <Badge variant="default" size="lg">
          Status {result.status}
        </Badge>
        <Text size="sm">{statusWords(result.status)}</Text>
        <Text size="sm">{result.durationMs} ms</Text>
      </Group>
      {result.retriedAfterRefresh && (
        <Alert color="blue" variant="outline" title="Retried after a token refresh">
          The API refused the first try with 401, so Gatehouse refreshed your access token and sent the request once
          more. The answer below is from the second try.
        </Alert>
      )}
      <Title order={4}>Headers</Title>
      <Table withTableBorder striped aria-label="Response headers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Value</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {headers.map(([name, value]) => (
            <Table.Tr key={name}>
              <Table.Td ff="monospace">{name}</Table.Td>
              <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                {value}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={4}>Body</Title>
      {result.truncated && <Text size="sm">The body was cut at 256 KiB.</Text>}
      <Code block aria-label="Response body" tabIndex={0}>
        {result.body === '' ? '(empty)' : prettyBody(result.body)}
      </Code>
    </Stack>
  );
}
