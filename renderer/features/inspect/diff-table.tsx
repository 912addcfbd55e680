import { Stack, Table, Text } from '@mantine/core';
import type { ClaimChange, TokenDiff } from '../../../common/ipc/inspect.contract';
import { ClaimValue } from '../../components/claim-value';

const changeWords: Record<ClaimChange['change'], string> = {
  changed: 'Changed',
  added: 'Added',
  removed: 'Removed',
};

function Side({ name, value, isPresent }: { name: string; value: unknown; isPresent: boolean }) {
  if (!isPresent) {
    return (
      <Text size="sm" c="dimmed">
        (not present)
      </Text>
    );
  }
  return <ClaimValue name={name} value={value} />;
}

/**
 * Two tokens side by side, claim by claim: changed, added and removed claims with their before and after
 * values (times as local dates), then the header members, then the names that stayed the same.
 */
export function DiffTable({
  diff,
  beforeLabel,
  afterLabel,
}: {
  diff: TokenDiff;
  beforeLabel: string;
  afterLabel: string;
}) {
  if (diff.changes.length === 0) {
    return <Text>The two tokens carry the same claims with the same values.</Text>;
  }
  return (
    <Stack gap="sm">
      <Table withTableBorder aria-label="Claim differences" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Claim</Table.Th>
            <Table.Th scope="col">Change</Table.Th>
            <Table.Th scope="col">{beforeLabel}</Table.Th>
            <Table.Th scope="col">{afterLabel}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {diff.changes.map((change) => (
            <Table.Tr key={`${change.part}:${change.name}`} data-change={change.change}>
              <Table.Th scope="row" fw="normal">
                <Stack gap={2}>
                  <Text size="sm" ff="monospace" fw={600} style={{ wordBreak: 'break-all' }}>
                    {change.part === 'header' ? `header ${change.name}` : change.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {change.meaning}
                  </Text>
                </Stack>
              </Table.Th>
              <Table.Td>
                <Text size="sm" fw={700}>
                  {changeWords[change.change]}
                </Text>
              </Table.Td>
              <Table.Td>
                <Side name={change.name} value={change.before} isPresent={change.change !== 'added'} />
              </Table.Td>
              <Table.Td>
                <Side name={change.name} value={change.after} isPresent={change.change !== 'removed'} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {diff.unchanged.length > 0 && (
        <Text size="sm">
          Unchanged:{' '}
          <Text span ff="monospace">
            {diff.unchanged.join(', ')}
          </Text>
        </Text>
      )}
    </Stack>
  );
}
