import { Code, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { ExplainedClaim } from '../../../common/ipc/inspect.contract';
import { ClaimValue } from '../../components/claim-value';

const sourceWords: Record<ExplainedClaim['source'], string> = {
  jwt: 'JWT (RFC 7519)',
  oidc: 'OpenID Connect',
  oauth: 'OAuth 2.0',
  auth0: 'Auth0',
  custom: 'Custom',
  unknown: 'Unknown',
};

/** The claims as main explained them: value, plain meaning, where the claim is defined, and times in words. */
export function ExplainedClaims({ title, claims }: { title: string; claims: readonly ExplainedClaim[] }) {
  const headingId = useId();
  return (
    <Stack component="section" aria-labelledby={headingId} gap="xs">
      <Title order={3} id={headingId}>
        {title}
      </Title>
      {claims.length === 0 ? (
        <Text size="sm">None.</Text>
      ) : (
        <Table aria-labelledby={headingId} layout="fixed" verticalSpacing="xs" striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={170}>
                Name
              </Table.Th>
              <Table.Th scope="col">Value</Table.Th>
              <Table.Th scope="col">Meaning</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {claims.map((claim) => (
              <Table.Tr key={claim.name}>
                <Table.Th scope="row" style={{ overflowWrap: 'anywhere' }}>
                  <Code>{claim.name}</Code>
                </Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <ClaimValue name={claim.name} value={claim.value} />
                  {claim.time && (
                    <Text size="sm" c="dimmed">
                      {claim.time.relative}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{claim.meaning}</Text>
                  <Text size="xs" c="dimmed">
                    {sourceWords[claim.source]}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
