import { Code, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { describeClaim } from '../../common/claims/claim-descriptions';
import type { Claims } from '../../common/ipc/session.schema';
import { ClaimValue } from './claim-value';
import classes from './claims-table.module.css';

export interface ClaimsTableProps {
  /** Heading and the table's accessible name, for example "ID token claims". */
  title: string;
  /** Null when there is nothing to decode (no ID token, or an opaque access token). */
  claims: Claims | null;
  /** Plain words for why there are no claims. */
  emptyText: string;
}

/** A token's decoded claims: name, readable value, and what the claim means. */
export function ClaimsTable({ title, claims, emptyText }: ClaimsTableProps) {
  const headingId = useId();
  const entries = claims ? Object.entries(claims) : [];

  return (
    <Stack component="section" aria-labelledby={headingId} gap="xs">
      <Title order={2} size="h3" id={headingId}>
        {title}
      </Title>
      {entries.length === 0 ? (
        <Text size="sm">{claims ? 'This token carries no claims.' : emptyText}</Text>
      ) : (
        <Table
          aria-labelledby={headingId}
          className={classes.table}
          layout="fixed"
          verticalSpacing="xs"
          striped
          withTableBorder
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" className={classes.nameColumn}>
                Claim
              </Table.Th>
              <Table.Th scope="col">Value</Table.Th>
              <Table.Th scope="col">Meaning</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map(([name, value]) => (
              <Table.Tr key={name}>
                <Table.Th scope="row" className={classes.name}>
                  <Code>{name}</Code>
                </Table.Th>
                <Table.Td>
                  <ClaimValue name={name} value={value} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{describeClaim(name)?.meaning ?? 'Not a standard claim.'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
