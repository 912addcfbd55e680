import { Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { DisclosureButton } from '../../components/disclosure-button';
import { useId, useState, type Ref } from 'react';
import type { AdminAccess } from '../../../common/ipc/admin.contract';
import { ExpiryCountdown } from '../../components/expiry-countdown';
import { groupScopes } from './scopes';

export interface AdminModeBarProps {
  access: AdminAccess;
  username: string;
  isLeaving: boolean;
  onLeave: () => void;
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * Admin mode at a glance: whose step-up, until when (live countdown), and what it allows, with the way out.
 * The scopes come from the step-up token's own claims (read by main), so this is what the server will allow.
 */
export function AdminModeBar({ access, username, isLeaving, onLeave, headingRef }: AdminModeBarProps) {
  const [isOpen, setOpen] = useState(false);
  const scopesId = useId();
  const groups = groupScopes(access.scopes);
  const readOnly = !access.scopes.some((scope) => !scope.startsWith('read:'));

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} ref={headingRef} tabIndex={-1}>
              Admin mode
            </Title>
            <Text size="sm">
              As <strong>{username}</strong>
              {readOnly ? ' · read-only access' : ''}
            </Text>
            {access.expiresAt !== undefined && (
              <Text size="sm">
                Admin access ends: <ExpiryCountdown expiresAt={access.expiresAt} />
              </Text>
            )}
          </div>
          <Button variant="default" onClick={onLeave} loading={isLeaving}>
            Leave admin mode
          </Button>
        </Group>
        <div>
          <DisclosureButton isOpen={isOpen} controls={scopesId} onToggle={() => setOpen((open) => !open)}>
            What admin mode allows ({access.scopes.length} permissions)
          </DisclosureButton>
        </div>
        <div id={scopesId} hidden={!isOpen}>
          {groups.length === 0 ? (
            <Text size="sm">Nothing: the step-up token carries no Management API permissions.</Text>
          ) : (
            <Table withTableBorder verticalSpacing={4} aria-label="Admin permissions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Resource</Table.Th>
                  <Table.Th scope="col">Allowed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {groups.map((group) => (
                  <Table.Tr key={group.resource}>
                    <Table.Th scope="row">
                      <Code>{group.resource}</Code>
                    </Table.Th>
                    <Table.Td>{group.verbs.join(', ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
      </Stack>
    </Paper>
  );
}
