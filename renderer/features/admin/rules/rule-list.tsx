import { Alert, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { OpenLink } from '../../../components/open-link';
import { useEffect, useId, useRef } from 'react';
import type { Rule } from '../../../../common/admin/extensibility.schema';
import { adminListRules, adminReorderRules } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { LoadingLine } from '../shared/loading-line';
import { StatusBadge } from '../shared/status-badge';
import { WriteButton } from '../shared/write-button';
import { useAdminLoad } from '../use-admin-load';
import { useAdminWrite } from '../use-admin-write';
import { FocusedError } from '../shared/focused-error';

export interface RuleListProps {
  focusOnMount: boolean;
  notice?: string;
  onOpen: (id: string) => void;
  onCreate: () => void;
}

const byOrder = (rules: readonly Rule[]) => [...rules].sort((a, b) => a.order - b.order);

/** The rules in the order logins run them, with "Move up/down" buttons to reorder them by keyboard. */
export function RuleList({ focusOnMount, notice, onOpen, onCreate }: RuleListProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rules = useAdminLoad(['rules'], adminListRules);
  const write = useAdminWrite();

  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  const ordered = byOrder(rules.value ?? []);
  const move = async (index: number, by: -1 | 1) => {
    const ids = ordered.map((rule) => rule.id);
    const [moved] = ids.splice(index, 1);
    if (moved === undefined) return;
    ids.splice(index + by, 0, moved);
    await write.run(
      `move:${moved}`,
      () => adminReorderRules(ids),
      (fresh) => rules.replace(fresh),
    );
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3} id={headingId} ref={headingRef} tabIndex={-1}>
            Rules
          </Title>
          <WriteButton needs={['create:rules']} onClick={onCreate}>
            New rule
          </WriteButton>
        </Group>
        <Text size="sm">
          Rules run in this order at every sign-in and can add claims or refuse access. Auth0 replaced rules with
          Actions; both run here.
        </Text>
        {notice && (
          <Alert color="blue" variant="outline" role="status" title="Done">
            {notice}
          </Alert>
        )}
        {rules.error && <ErrorCallout error={rules.error} />}
        {write.failure && <FocusedError error={write.failure} />}
        {rules.isLoading && rules.value === undefined && <LoadingLine label="Loading rules…" />}
        {rules.value?.length === 0 && <Text size="sm">There are no rules.</Text>}
        {ordered.length > 0 && (
          <Table aria-labelledby={headingId} striped withTableBorder verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Order</Table.Th>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Reorder</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ordered.map((rule, index) => (
                <Table.Tr key={rule.id}>
                  <Table.Td>{rule.order}</Table.Td>
                  <Table.Td>
                    <OpenLink onOpen={() => onOpen(rule.id)}>{rule.name}</OpenLink>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge isOn={rule.enabled} on="Enabled" off="Disabled" />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <WriteButton
                        needs={['update:rules']}
                        size="xs"
                        variant="default"
                        isBlocked={index === 0}
                        loading={write.busy === `move:${rule.id}`}
                        onClick={() => move(index, -1)}
                        aria-label={`Move ${rule.name} up`}
                      >
                        Up
                      </WriteButton>
                      <WriteButton
                        needs={['update:rules']}
                        size="xs"
                        variant="default"
                        isBlocked={index === ordered.length - 1}
                        onClick={() => move(index, 1)}
                        aria-label={`Move ${rule.name} down`}
                      >
                        Down
                      </WriteButton>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
