import { Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { adminClearUserLocks, adminListUserLocks } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { FocusedError } from '../shared/focused-error';
import { LoadingLine } from '../shared/loading-line';
import { WriteButton } from '../shared/write-button';
import { useAdminLoad } from '../use-admin-load';
import { useAdminWrite } from '../use-admin-write';

/**
 * Brute-force locks: after too many wrong passwords from one address the server answers 429 even for the
 * right one, until the lock is cleared here or ends by itself. Not the same as the admin block above.
 */
export function UserLocks({ userId }: { userId: string }) {
  const headingId = useId();
  const locks = useAdminLoad(['user-locks', userId], () => adminListUserLocks(userId));
  const write = useAdminWrite();
  const clear = () =>
    write.run(
      'clear',
      () => adminClearUserLocks(userId),
      () => locks.replace([]),
    );

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={4} id={headingId}>
          Brute-force locks
        </Title>
        {locks.error && <ErrorCallout error={locks.error} />}
        {write.failure && <FocusedError error={write.failure} />}
        {locks.isLoading && locks.value === undefined && <LoadingLine label="Loading locks…" />}
        {locks.value?.length === 0 && (
          <Text size="sm">Not locked: sign-ins are not being refused for failed attempts.</Text>
        )}
        {locks.value !== undefined && locks.value.length > 0 && (
          <>
            <Text size="sm">Locked after too many failed sign-ins. The right password is refused until cleared:</Text>
            <List size="sm" aria-labelledby={headingId}>
              {locks.value.map((lock) => (
                <List.Item key={`${lock.identifier}|${lock.ip ?? ''}`}>
                  {lock.identifier}
                  {lock.ip ? ` from ${lock.ip}` : ' from every address'}
                  {lock.connection ? ` (${lock.connection})` : ''}
                </List.Item>
              ))}
            </List>
            <Group>
              <WriteButton needs={['update:users']} onClick={clear} loading={write.busy === 'clear'}>
                Clear locks
              </WriteButton>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
