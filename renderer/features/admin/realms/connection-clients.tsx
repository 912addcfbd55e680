import { Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { Connection } from '../../../../common/admin/connection.schema';
import { adminGetConnection, adminListClients, adminSetConnectionClients } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { useAdminSession } from '../admin-session';
import { LoadingLine } from '../shared/loading-line';
import { useAdminLoad } from '../use-admin-load';
import { useAdminWrite } from '../use-admin-write';
import { FocusedError } from '../shared/focused-error';

export interface ConnectionClientsProps {
  connection: Connection;
  onChanged: (fresh: Connection) => void;
}

const updateScopes = ['update:connections'];

/**
 * Which applications may sign in with this realm, one switch each. Without `read:clients` the pane cannot
 * name the applications, so it lists the enabled client ids only.
 */
export function ConnectionClients({ connection, onChanged }: ConnectionClientsProps) {
  const { can } = useAdminSession();
  const headingId = useId();
  const reasonId = useId();
  const write = useAdminWrite();
  const canRead = can(['read:clients']);
  const canUpdate = can(updateScopes);
  const clients = useAdminLoad(['clients', canRead], () =>
    canRead ? adminListClients() : Promise.resolve({ ok: true as const, value: [] }),
  );
  const enabled = new Set(connection.enabled_clients ?? []);
  const known = canRead
    ? (clients.value ?? []).map((client) => ({ id: client.client_id, name: client.name ?? client.client_id }))
    : [...enabled].map((id) => ({ id, name: id }));

  const toggle = async (clientId: string, status: boolean) => {
    await write.run(
      `client:${clientId}`,
      async () => {
        const changed = await adminSetConnectionClients(connection.id, [{ client_id: clientId, status }]);
        return changed.ok ? adminGetConnection(connection.id) : changed;
      },
      onChanged,
    );
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={4} id={headingId}>
          Applications that may use this realm
        </Title>
        {!canUpdate && (
          <Text size="xs" c="dimmed" id={reasonId}>
            Read-only: needs {updateScopes.join(' or ')}
          </Text>
        )}
        {clients.error && <ErrorCallout error={clients.error} />}
        {write.failure && <FocusedError error={write.failure} />}
        {clients.isLoading && clients.value === undefined && <LoadingLine label="Loading applications…" />}
        {known.length === 0 && !clients.isLoading && <Text size="sm">No application is enabled.</Text>}
        {known.map((client) => (
          <Switch
            key={client.id}
            label={`${client.name} (${client.id})`}
            description={enabled.has(client.id) ? 'Enabled: may sign in with this realm' : 'Disabled'}
            checked={enabled.has(client.id)}
            disabled={!canUpdate || write.busy !== undefined}
            aria-describedby={canUpdate ? undefined : reasonId}
            onChange={(event) => toggle(client.id, event.currentTarget.checked)}
          />
        ))}
      </Stack>
    </Paper>
  );
}
