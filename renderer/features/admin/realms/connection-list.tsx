import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { OpenLink } from '../../../components/open-link';
import { useEffect, useId, useRef, useState } from 'react';
import { adminListConnections } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { LoadingLine } from '../shared/loading-line';
import { useAdminLoad } from '../use-admin-load';
import { ConnectionCreateForm } from './connection-create-form';
import { strategyWords } from './connection-words';

export interface ConnectionListProps {
  onOpen: (id: string) => void;
  focusOnMount: boolean;
  notice?: string;
}

/** Every realm, how many applications may sign in with it, and a form to add one. */
export function ConnectionList({ onOpen, focusOnMount, notice }: ConnectionListProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const connections = useAdminLoad(['connections'], adminListConnections);
  const [created, setCreated] = useState<string>();

  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  const news = created ?? notice;
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
        <Stack gap="md">
          <Title order={3} id={headingId} ref={headingRef} tabIndex={-1}>
            Realms
          </Title>
          <Text size="sm">
            A realm is an Auth0 connection: the directory a password sign-in checks. Only the applications enabled for a
            realm may use it.
          </Text>
          {news && (
            <Alert color="blue" variant="outline" role="status" title="Done">
              {news}
            </Alert>
          )}
          {connections.error && <ErrorCallout error={connections.error} />}
          {connections.isLoading && connections.value === undefined && <LoadingLine label="Loading realms…" />}
          {connections.value?.length === 0 && <Text size="sm">There are no realms.</Text>}
          {connections.value !== undefined && connections.value.length > 0 && (
            <Table aria-labelledby={headingId} striped withTableBorder verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Display name</Table.Th>
                  <Table.Th scope="col">Kind</Table.Th>
                  <Table.Th scope="col">Applications enabled</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {connections.value.map((connection) => (
                  <Table.Tr key={connection.id}>
                    <Table.Td>
                      <OpenLink onOpen={() => onOpen(connection.id)}>{connection.name}</OpenLink>
                    </Table.Td>
                    <Table.Td>{connection.display_name ?? '—'}</Table.Td>
                    <Table.Td>{strategyWords(connection.strategy)}</Table.Td>
                    <Table.Td>{connection.enabled_clients?.length ?? 0}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
      <ConnectionCreateForm
        onCreated={(connection) => {
          setCreated(`The realm “${connection.name}” was created. Enable it for an application to use it.`);
          connections.reload();
        }}
      />
    </Stack>
  );
}
