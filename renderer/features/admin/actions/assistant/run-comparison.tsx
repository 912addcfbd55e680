import { Badge, Code, Table, Text } from '@mantine/core';
import type { ComparisonRow } from './compare-runs';

/** Short JSON for a table cell; "—" when that run did not produce the item. */
const cell = (value: string | undefined) =>
  value === undefined ? (
    <Text span c="dimmed">
      — (not set)
    </Text>
  ) : (
    // Long values (a scope list, an object) wrap inside the cell instead of widening the table.
    <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{value}</Code>
  );

/**
 * The rule and its draft action side by side, after the same mock sign-in: each item says in words whether
 * they match, so the verdict does not rest on colour.
 */
export function RunComparison({ rows }: { rows: readonly ComparisonRow[] }) {
  const differing = rows.filter((row) => !row.matches).length;
  return (
    <div>
      <Text fw={600} role="status" mb="xs">
        {differing === 0
          ? `All ${rows.length} items match: the action does what the rule did for this sign-in.`
          : `${differing} of ${rows.length} items differ: fix the draft before you apply it.`}
      </Text>
      <Table striped withTableBorder verticalSpacing="xs" layout="fixed" aria-label="Rule and draft action compared">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="30%">
              Item
            </Table.Th>
            <Table.Th scope="col">Rule</Table.Th>
            <Table.Th scope="col">Draft action</Table.Th>
            <Table.Th scope="col" w="7rem">
              Same?
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={500}>
                {row.label}
              </Table.Th>
              <Table.Td>{cell(row.rule)}</Table.Td>
              <Table.Td>{cell(row.action)}</Table.Td>
              <Table.Td>
                <Badge
                  color={row.matches ? 'teal.9' : 'red.9'}
                  variant="filled"
                  radius="sm"
                  style={{ overflow: 'visible' }}
                >
                  {row.matches ? 'Match' : 'Mismatch'}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
