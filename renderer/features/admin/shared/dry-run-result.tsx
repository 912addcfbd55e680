import { Code, List, Stack, Table, Text } from '@mantine/core';
import type { DryRunReport } from '../../../../common/admin/dry-run.schema';
import { ClaimsTable } from '../../../components/claims-table';

const outcomeWords: Record<DryRunReport['outcome'], string> = {
  allow: 'Allowed: the sign-in would succeed.',
  deny: 'Denied: the sign-in would be refused.',
  redirect: 'Redirected: the sign-in would be sent elsewhere (not possible with the password grant).',
  mfa_required: 'A second step (MFA) would be asked for.',
};

const tokenWords = { access: 'Access token', id: 'ID token' } as const;

function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A dry run's report: the outcome and its reason, the scope the access token would be granted, each claim a
 * script set with the script that set it, the console output, and the full claims of both tokens.
 */
export function DryRunResult({ report }: { report: DryRunReport }) {
  const valueOf = (token: 'access' | 'id', claim: string) =>
    (token === 'access' ? report.accessTokenClaims : report.idTokenClaims)[claim];
  return (
    <Stack gap="sm" data-testid="dry-run-result">
      {/* Only the outcome is announced: reading the claim tables aloud on arrival would drown it. */}
      <Text fw={600} role="status">
        {outcomeWords[report.outcome]}
      </Text>
      {report.error && (
        <Text size="sm">
          Reason: {report.error.errorDescription} (it would answer <Code>{report.error.status}</Code>{' '}
          <Code>{report.error.error}</Code>)
        </Text>
      )}
      {report.stoppedBy && (
        <Text size="sm">
          Stopped by the {report.stoppedBy.kind} “{report.stoppedBy.name}”.
        </Text>
      )}
      {report.mfaReason && <Text size="sm">Why MFA: {report.mfaReason}</Text>}
      <Text size="sm">
        Granted scope:{' '}
        {report.accessTokenScope.length === 0 ? 'none' : <Code>{report.accessTokenScope.join(' ')}</Code>}
      </Text>
      {report.provenance.length > 0 ? (
        <Table withTableBorder striped aria-label="Claims set by scripts, with their source">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Claim</Table.Th>
              <Table.Th scope="col">Token</Table.Th>
              <Table.Th scope="col">Value</Table.Th>
              <Table.Th scope="col">Set by</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.provenance.map((source) => (
              <Table.Tr key={`${source.token}:${source.claim}`}>
                <Table.Td>
                  <Code>{source.claim}</Code>
                </Table.Td>
                <Table.Td>{tokenWords[source.token]}</Table.Td>
                <Table.Td>
                  <Code>{shown(valueOf(source.token, source.claim))}</Code>
                </Table.Td>
                <Table.Td>
                  {source.script.kind === 'rule' ? 'Rule' : 'Action'} “{source.script.name}”
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm">No script set a claim.</Text>
      )}
      {report.dropped.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            Claims the server refused
          </Text>
          <List size="sm">
            {report.dropped.map((item) => (
              <List.Item key={`${item.token}:${item.claim}`}>
                <Code>{item.claim}</Code> from “{item.script.name}”: {item.reason}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      <div>
        <Text size="sm" fw={600}>
          Console output
        </Text>
        {report.console.length === 0 ? (
          <Text size="sm">Nothing was logged.</Text>
        ) : (
          <Code block>{report.console.map((line) => `[${line.script.name}] ${line.line}`).join('\n')}</Code>
        )}
      </div>
      <ClaimsTable title="Access token claims (would be)" claims={report.accessTokenClaims} emptyText="None." />
      <ClaimsTable title="ID token claims (would be)" claims={report.idTokenClaims} emptyText="None." />
    </Stack>
  );
}
