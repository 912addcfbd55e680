import { Badge, Group, Paper, Stack, Switch, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import type { Action } from '../../../../common/admin/extensibility.schema';
import { ok } from '../../../../common/result';
import { adminListBindings, adminSetBindings } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { useAdminSession } from '../admin-session';
import { LoadingLine } from '../shared/loading-line';
import { SortableList } from '../shared/sortable-list';
import type { Json, StageRequest } from '../staging/staged-change';
import { useStaging } from '../staging/staging-store';
import { useAdminLoad } from '../use-admin-load';

const trigger = 'post-login';
const writeScopes = ['update:actions'];
export const postLoginKey = 'binding:post-login';

/** The bound actions' names, in the order logins run them. */
async function readOrder() {
  const bindings = await adminListBindings(trigger);
  return bindings.ok ? ok(bindings.value.map((binding) => binding.action.name)) : bindings;
}

const asNames = (value: Json): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The post-login order as a staged change: the tray diffs and applies it (PATCH replaces the whole list). */
function orderChange(base: readonly string[], draft: readonly string[]): StageRequest {
  return {
    key: postLoginKey,
    area: 'binding',
    title: 'Post-login actions: which run, in which order',
    base: [...base],
    draft: [...draft],
    readLive: readOrder,
    write: async (value) => {
      const set = await adminSetBindings(
        trigger,
        asNames(value).map((name) => ({ ref: { type: 'action_name', value: name } })),
      );
      return set.ok ? ok(set.value.map((binding) => binding.action.name)) : set;
    },
  };
}

/**
 * The post-login flow in execution order: drag or use the keyboard to reorder, and switch an action off or
 * on. Auth0 has no per-binding off switch, so "off" removes the binding (the action and its versions stay)
 * and "on" binds it again at the end. Every change is staged; the tray applies it.
 */
export function PostLoginOrder({ actions }: { actions: readonly Action[] }) {
  const { can } = useAdminSession();
  const staging = useStaging();
  const headingId = useId();
  const live = useAdminLoad(['post-login-order'], readOrder);
  const staged = staging.find(postLoginKey);
  const order = staged ? asNames(staged.draft) : (live.value ?? []);
  const canWrite = can(writeScopes);
  // Only deployed actions can be bound (Auth0 refuses a binding to an action never deployed).
  const off = actions.filter((action) => !order.includes(action.name) && action.deployed_version !== undefined);

  const change = (next: readonly string[]) => {
    const base = staged ? asNames(staged.base) : (live.value ?? []);
    if (JSON.stringify(next) === JSON.stringify(base)) staging.discard(postLoginKey);
    else staging.stage(orderChange(base, next));
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={4} id={headingId}>
          Post-login flow
        </Title>
        <Text size="sm">
          Actions run after the rules at every sign-in, top to bottom. Drag a handle, or focus it and press Space, the
          arrow keys, then Space. Auth0 cannot switch one binding off: switching an action off here takes it out of the
          flow (the action and its versions stay), and switching it on puts it back at the end.
        </Text>
        {staged && (
          <Group gap="xs">
            <Badge variant="filled" color="orange.9" radius="sm">
              Staged
            </Badge>
            <Text size="sm">This order is a pending change: apply it from pending changes.</Text>
          </Group>
        )}
        {live.error && <ErrorCallout error={live.error} />}
        {live.isLoading && live.value === undefined && <LoadingLine label="Loading the post-login flow…" />}
        {live.value !== undefined && order.length === 0 && <Text size="sm">No action runs at sign-in.</Text>}
        {order.length > 0 && (
          <SortableList
            items={order}
            getId={(name) => name}
            getName={(name) => name}
            label="Post-login actions in execution order"
            disabled={!canWrite}
            onReorder={change}
            renderItem={(name, handle) => (
              <Group justify="space-between" wrap="nowrap" w="100%">
                <Group gap="xs" wrap="nowrap">
                  {handle}
                  <Text size="sm">
                    {order.indexOf(name) + 1}. {name}
                  </Text>
                </Group>
                <Switch
                  label={
                    <>
                      <VisuallyHidden>{name}: </VisuallyHidden>runs at sign-in
                    </>
                  }
                  checked
                  disabled={!canWrite}
                  onChange={() => change(order.filter((item) => item !== name))}
                />
              </Group>
            )}
          />
        )}
        {off.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Not in the flow
            </Text>
            {off.map((action) => (
              <Switch
                key={action.id}
                label={`${action.name} runs at sign-in`}
                checked={false}
                disabled={!canWrite}
                onChange={() => change([...order, action.name])}
              />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
