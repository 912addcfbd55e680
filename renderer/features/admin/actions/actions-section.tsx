import { Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { Action, Binding } from '../../../../common/admin/extensibility.schema';
import { adminDeployAction, adminListActions, adminListBindings, adminSetBindings } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { useAdminSession } from '../admin-session';
import { LoadingLine } from '../shared/loading-line';
import { StatusBadge } from '../shared/status-badge';
import { WriteButton } from '../shared/write-button';
import { useAdminLoad } from '../use-admin-load';
import { useAdminWrite } from '../use-admin-write';
import { FocusedError } from '../shared/focused-error';

const trigger = 'post-login';
const writeScopes = ['update:actions'];
const deployScopes = ['create:actions', 'update:actions'];

/** The post-login binding list without `action`, with it added at the end, or as given. */
function bindingsWith(bindings: readonly Binding[], action: Action, isOn: boolean) {
  const kept = bindings.filter((binding) => binding.action.id !== action.id);
  const refs = kept.map((binding) => ({
    ref: { type: 'action_id' as const, value: binding.action.id },
    ...(binding.display_name ? { display_name: binding.display_name } : {}),
  }));
  return isOn ? [...refs, { ref: { type: 'action_id' as const, value: action.id } }] : refs;
}

/**
 * Post-login actions: which exist, whether their latest code is deployed, and whether they run at sign-in
 * (bound to the post-login trigger). Editing action code is not in the pane yet.
 */
export function ActionsSection() {
  const { can } = useAdminSession();
  const headingId = useId();
  const reasonId = useId();
  const actions = useAdminLoad(['actions'], adminListActions);
  const bindings = useAdminLoad(['bindings', trigger], () => adminListBindings(trigger));
  const write = useAdminWrite();
  const canBind = can(writeScopes);

  const setBound = (action: Action, isOn: boolean) =>
    write.run(
      `bind:${action.id}`,
      () => adminSetBindings(trigger, bindingsWith(bindings.value ?? [], action, isOn)),
      (fresh) => bindings.replace(fresh),
    );
  const deploy = (action: Action) =>
    write.run(
      `deploy:${action.id}`,
      () => adminDeployAction(action.id),
      () => actions.reload(),
    );

  const isBound = (action: Action) => (bindings.value ?? []).some((binding) => binding.action.id === action.id);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={3} id={headingId}>
          Actions
        </Title>
        <Text size="sm">Post-login actions run after the rules at every sign-in, in the order they are bound.</Text>
        {!canBind && (
          <Text size="xs" c="dimmed" id={reasonId}>
            Read-only: needs {writeScopes.join(' or ')}
          </Text>
        )}
        {actions.error && <ErrorCallout error={actions.error} />}
        {bindings.error && <ErrorCallout error={bindings.error} />}
        {write.failure && <FocusedError error={write.failure} />}
        {actions.isLoading && actions.value === undefined && <LoadingLine label="Loading actions…" />}
        {actions.value?.length === 0 && <Text size="sm">There are no actions.</Text>}
        {actions.value !== undefined && actions.value.length > 0 && (
          <Table aria-labelledby={headingId} striped withTableBorder verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Code</Table.Th>
                <Table.Th scope="col">Runs at sign-in</Table.Th>
                <Table.Th scope="col">Deploy</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {actions.value.map((action) => (
                <Table.Tr key={action.id}>
                  <Table.Td>{action.name}</Table.Td>
                  <Table.Td>
                    <StatusBadge
                      isOn={action.all_changes_deployed === true}
                      on="Deployed"
                      off={action.deployed_version ? 'Changes not deployed' : 'Never deployed'}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      label={`Run ${action.name} at sign-in`}
                      checked={isBound(action)}
                      disabled={!canBind || bindings.value === undefined || write.busy !== undefined}
                      aria-describedby={canBind ? undefined : reasonId}
                      onChange={(event) => setBound(action, event.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <WriteButton
                      needs={deployScopes}
                      size="xs"
                      variant="default"
                      isBlocked={action.all_changes_deployed === true}
                      loading={write.busy === `deploy:${action.id}`}
                      onClick={() => deploy(action)}
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
  );
}
