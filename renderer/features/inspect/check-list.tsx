import { Badge, Table, Text } from '@mantine/core';
import type { Check, CheckStatus } from '../../../common/ipc/inspect.contract';

const statusWords: Record<CheckStatus, { label: string; color: string }> = {
  pass: { label: 'Passed', color: 'teal.9' },
  fail: { label: 'Failed', color: 'red.9' },
  // Mantine's darkest orange is 4.3:1 under white text; this burnt orange reaches 5.6:1.
  warn: { label: 'Warning', color: '#a34700' },
};

/** Every check main ran, in order, with its verdict in words (never colour alone) and what it found. */
export function CheckList({ checks }: { checks: readonly Check[] }) {
  return (
    <Table aria-label="Checks" layout="fixed" verticalSpacing="xs" withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w={150}>
            Check
          </Table.Th>
          <Table.Th scope="col" w={110}>
            Result
          </Table.Th>
          <Table.Th scope="col">What was found</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {checks.map((check) => (
          <Table.Tr key={check.id} data-check={check.id} data-status={check.status}>
            <Table.Th scope="row">{check.title}</Table.Th>
            <Table.Td>
              {/* Shades chosen so white text stays above WCAG AA's 4.5:1 (axe checks this in the e2e test). */}
              <Badge color={statusWords[check.status].color} variant="filled">
                {statusWords[check.status].label}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{check.message}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
