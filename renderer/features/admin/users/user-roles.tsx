import { Group, List, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import type { Role } from '../../../../common/admin/user.schema';
import { adminAssignUserRoles, adminListRoles, adminListUserRoles, adminRemoveUserRoles } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { useAdminSession } from '../admin-session';
import { LoadingLine } from '../shared/loading-line';
import { WriteButton } from '../shared/write-button';
import { useAdminLoad } from '../use-admin-load';
import { useAdminWrite } from '../use-admin-write';
import { FocusedError } from '../shared/focused-error';

const assignScopes = ['update:users', 'create:role_members'];
const removeScopes = ['update:users', 'delete:role_members'];

/** The user's roles (RBAC: they decide the user's API permissions), with add and remove. */
export function UserRoles({ userId }: { userId: string }) {
  const { can } = useAdminSession();
  const headingId = useId();
  const roles = useAdminLoad(['user-roles', userId], () => adminListUserRoles(userId));
  const write = useAdminWrite();
  const [chosen, setChosen] = useState<string | null>(null);

  const add = async () => {
    if (chosen === null) return;
    if (await write.run('add', () => adminAssignUserRoles(userId, [chosen]))) {
      setChosen(null);
      roles.reload();
    }
  };
  const remove = async (role: Role) => {
    if (await write.run(`remove:${role.id}`, () => adminRemoveUserRoles(userId, [role.id]))) roles.reload();
  };

  const held = roles.value ?? [];
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={4} id={headingId}>
          Roles
        </Title>
        {roles.error && <ErrorCallout error={roles.error} />}
        {roles.isLoading && roles.value === undefined && <LoadingLine label="Loading roles…" />}
        {roles.value !== undefined &&
          (held.length === 0 ? (
            <Text size="sm">No roles.</Text>
          ) : (
            <List listStyleType="none" spacing="xs" aria-labelledby={headingId}>
              {held.map((role) => (
                <List.Item key={role.id}>
                  <Group gap="sm">
                    <Text size="sm" fw={600}>
                      {role.name}
                    </Text>
                    {role.description && <Text size="sm">{role.description}</Text>}
                    <WriteButton
                      needs={removeScopes}
                      size="xs"
                      variant="default"
                      loading={write.busy === `remove:${role.id}`}
                      onClick={() => remove(role)}
                      aria-label={`Remove the role ${role.name}`}
                    >
                      Remove
                    </WriteButton>
                  </Group>
                </List.Item>
              ))}
            </List>
          ))}
        {write.failure && <FocusedError error={write.failure} />}
        {can(assignScopes) ? (
          <RolePicker held={held} chosen={chosen} onChoose={setChosen} onAdd={add} isBusy={write.busy === 'add'} />
        ) : (
          <WriteButton needs={assignScopes} variant="default">
            Add a role
          </WriteButton>
        )}
      </Stack>
    </Paper>
  );
}

interface RolePickerProps {
  held: readonly Role[];
  chosen: string | null;
  onChoose: (roleId: string | null) => void;
  onAdd: () => void;
  isBusy: boolean;
}

/** The tenant's roles the user does not hold yet; read only when the admin may assign roles. */
function RolePicker({ held, chosen, onChoose, onAdd, isBusy }: RolePickerProps) {
  const all = useAdminLoad(['roles'], adminListRoles);
  const options = (all.value ?? [])
    .filter((role) => !held.some((item) => item.id === role.id))
    .map((role) => ({ value: role.id, label: role.name }));
  if (all.error) return <ErrorCallout error={all.error} />;
  return (
    <Group align="flex-end" gap="sm">
      <Select
        label="Role to add"
        placeholder={all.isLoading ? 'Loading roles…' : options.length === 0 ? 'No other roles' : 'Choose a role'}
        data={options}
        value={chosen}
        onChange={onChoose}
        disabled={options.length === 0}
      />
      <WriteButton needs={assignScopes} isBlocked={chosen === null} loading={isBusy} onClick={onAdd}>
        Add role
      </WriteButton>
    </Group>
  );
}
