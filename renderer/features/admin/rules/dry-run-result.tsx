import { Code, List, Stack, Text } from '@mantine/core';
import type { DryRunReport } from '../../../../common/admin/dry-run.schema';
import { ClaimsTable } from '../../../components/claims-table';

const outcomeWords: Record<DryRunReport['outcome'], string> = {
  allow: 'The sign-in would succeed.',
  deny: 'The sign-in would be refused.',
  redirect: 'The sign-in would be redirected (not possible with the password grant).',
  mfa_required: 'The sign-in would ask for a second step (MFA).',
};

/** A dry run's report: the outcome in words, the claims each token would carry, and what the scripts said. */
export function DryRunResult({ report }: { report: DryRunReport }) {
  return (
    <Stack gap="sm">
      {/* Only the outcome is announced: reading the claim tables aloud on arrival would drown it. */}
      <Text fw={600} role="status">
        {outcomeWords[report.outcome]}
      </Text>
      {report.error && (
        <Text size="sm">
          It would answer <Code>{report.error.status}</Code> <Code>{report.error.error}</Code>:{' '}
          {report.error.errorDescription}
        </Text>
      )}
      {report.stoppedBy && (
        <Text size="sm">
          Stopped by the {report.stoppedBy.kind} “{report.stoppedBy.name}”.
        </Text>
      )}
      {report.provenance.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            Claims set by scripts
          </Text>
          <List size="sm">
            {report.provenance.map((source) => (
              <List.Item key={`${source.token}:${source.claim}`}>
                <Code>{source.claim}</Code> in the {source.token === 'access' ? 'access token' : 'ID token'}, by “
                {source.script.name}”
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {report.dropped.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            Claims the server refused
          </Text>
          <List size="sm">
            {report.dropped.map((item) => (
              <List.Item key={`${item.token}:${item.claim}`}>
                <Code>{item.claim}</Code>: {item.reason}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {report.console.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            Console output
          </Text>
          <Code block>{report.console.map((line) => `[${line.script.name}] ${line.line}`).join('\n')}</Code>
        </div>
      )}
      <ClaimsTable title="Access token claims (would be)" claims={report.accessTokenClaims} emptyText="None." />
      <ClaimsTable title="ID token claims (would be)" claims={report.idTokenClaims} emptyText="None." />
    </Stack>
  );
}
