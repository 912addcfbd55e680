import { Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';
import type { Authenticator } from '../../../../common/admin/user.schema';
import { adminDeleteUserAuthenticator, adminListUserAuthenticators } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { LoadingLine } from '../shared/loading-line';
import { StatusBadge } from '../shared/status-badge';
import { WriteButton } from '../shared/write-button';
import { useAdminLoad } from '../use-admin-load';
import { useAdminWrite } from '../use-admin-write';
import { readableDate } from './user-words';
import { FocusedError } from '../shared/focused-error';

const deleteScopes = ['update:users', 'delete:guardian_enrollments'];

/** What kind of second factor an enrolment is, in words. */
function factorKind(item: Authenticator): string {
  const type = item.authenticator_type ?? item.type;
  if (type === 'otp' || type === 'totp') return 'Authenticator app (TOTP)';
  if (type === 'recovery-code') return 'Recovery code';
  if (type === 'oob' || type === 'email' || type === 'phone' || type === 'push-notification') {
    const channel = item.oob_channel ?? type;
    return channel === 'email' ? 'E-mail code' : channel === 'sms' || channel === 'phone' ? 'Text message' : 'Push';
  }
  return type;
}

/** The user's MFA enrolments; deleting one makes the user enrol again at the next sign-in that needs it. */
export function UserAuthenticators({ userId }: { userId: string }) {
  const headingId = useId();
  const factors = useAdminLoad(['user-authenticators', userId], () => adminListUserAuthenticators(userId));
  const write = useAdminWrite();
  const [asking, setAsking] = useState<Authenticator>();

  const remove = async () => {
    if (asking === undefined) return;
    const target = asking;
    const isDone = await write.run('delete', () => adminDeleteUserAuthenticator(userId, target.id));
    setAsking(undefined);
    if (isDone) factors.reload();
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={4} id={headingId}>
          MFA enrolments
        </Title>
        {factors.error && <ErrorCallout error={factors.error} />}
        {write.failure && <FocusedError error={write.failure} />}
        {factors.isLoading && factors.value === undefined && <LoadingLine label="Loading second factors…" />}
        {factors.value?.length === 0 && <Text size="sm">No second factor is set up.</Text>}
        {factors.value !== undefined && factors.value.length > 0 && (
          <Table aria-labelledby={headingId} withTableBorder verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Factor</Table.Th>
                <Table.Th scope="col">State</Table.Th>
                <Table.Th scope="col">Enrolled</Table.Th>
                <Table.Th scope="col">Last used</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {factors.value.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    {factorKind(item)}
                    {item.name ? ` (${item.name})` : ''}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge isOn={item.confirmed !== false} on="Confirmed" off="Not confirmed" />
                  </Table.Td>
                  <Table.Td>{readableDate(item.enrolled_at ?? item.created_at) ?? '—'}</Table.Td>
                  <Table.Td>{readableDate(item.last_auth_at) ?? 'Never'}</Table.Td>
                  <Table.Td>
                    <WriteButton
                      needs={deleteScopes}
                      size="xs"
                      variant="outline"
                      color="red.9"
                      onClick={() => setAsking(item)}
                      aria-label={`Delete the enrolment ${factorKind(item)}`}
                    >
                      Delete
                    </WriteButton>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <ConfirmDialog
        isOpen={asking !== undefined}
        title="Delete this second factor?"
        confirmLabel="Delete enrolment"
        isBusy={write.busy === 'delete'}
        onConfirm={remove}
        onCancel={() => setAsking(undefined)}
      >
        <Text size="sm">
          The user can no longer verify with “{asking ? factorKind(asking) : ''}”. If the tenant requires MFA for them,
          they will set up a new factor at their next sign-in.
        </Text>
      </ConfirmDialog>
    </Paper>
  );
}
