import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { Action } from '../../../../common/admin/extensibility.schema';
import { adminDeployAction } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import type { AdminLoad } from '../use-admin-load';
import { FocusedError } from '../shared/focused-error';
import { LoadingLine } from '../shared/loading-line';
import { StatusBadge } from '../shared/status-badge';
import { WriteButton } from '../shared/write-button';
import { useAdminWrite } from '../use-admin-write';
import { PostLoginOrder } from './post-login-order';

const deployScopes = ['create:actions', 'update:actions'];

export interface ActionListProps {
  actions: AdminLoad<Action[]>;
  onOpen: (id: string) => void;
  onAssistant: () => void;
}

/** Every action with whether its latest code is deployed, the post-login flow, and the way to the assistant. */
export function ActionList({ actions, onOpen, onAssistant }: ActionListProps) {
  const headingId = useId();
  const write = useAdminWrite();
  const deploy = (action: Action) => write.run(`deploy:${action.id}`, () => adminDeployAction(action.id));

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={3} id={headingId}>
              Actions
            </Title>
            <Button variant="light" onClick={onAssistant}>
              Move a rule to an action
            </Button>
          </Group>
          <Text size="sm">
            An action’s code, dependencies and secrets are a draft until it is deployed; sign-ins run the deployed
            version.
          </Text>
          {actions.error && <ErrorCallout error={actions.error} />}
          {write.failure && <FocusedError error={write.failure} />}
          {actions.isLoading && actions.value === undefined && <LoadingLine label="Loading actions…" />}
          {actions.value?.length === 0 && <Text size="sm">There are no actions.</Text>}
          {actions.value !== undefined && actions.value.length > 0 && (
            <Table aria-labelledby={headingId} striped withTableBorder verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Code</Table.Th>
                  <Table.Th scope="col">Deploy</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {actions.value.map((action) => (
                  <Table.Tr key={action.id}>
                    <Table.Td>
                      <Button variant="subtle" size="compact-sm" onClick={() => onOpen(action.id)}>
                        {action.name}
                      </Button>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge
                        isOn={action.all_changes_deployed === true}
                        on="Deployed"
                        off={action.deployed_version ? 'Changes not deployed' : 'Never deployed'}
                      />
                    </Table.Td>
                    <Table.Td>
                      <WriteButton
                        needs={deployScopes}
                        size="xs"
                        variant="default"
                        isBlocked={action.all_changes_deployed === true}
                        loading={write.busy === `deploy:${action.id}`}
                        onClick={() => void deploy(action)}
                        aria-label={`Deploy ${action.name}`}
                      >
                        Deploy
                      </WriteButton>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
      {actions.value !== undefined && <PostLoginOrder actions={actions.value} />}
    </Stack>
  );
}
