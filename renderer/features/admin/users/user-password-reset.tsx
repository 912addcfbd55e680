import { Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { adminResetPassword } from '../../../api/gatehouse';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { FocusedError } from '../shared/focused-error';
import { WriteButton } from '../shared/write-button';
import { useAdminWrite } from '../use-admin-write';

/**
 * Sets a new password for the user. The realm's password policy applies (the server says what failed), the
 * user's sessions end, and the password is sent once to main and cleared from the form.
 */
export function UserPasswordReset({ userId, label }: { userId: string; label: string }) {
  const headingId = useId();
  const [password, setPassword] = useState('');
  const [isAsking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  const write = useAdminWrite();

  const ask = (event: FormEvent) => {
    event.preventDefault();
    if (password !== '') setAsking(true);
  };
  const reset = async () => {
    setDone(false);
    const isDone = await write.run('reset', () => adminResetPassword(userId, password));
    setAsking(false);
    if (isDone) {
      setPassword('');
      setDone(true);
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <form onSubmit={ask} noValidate>
        <Stack gap="sm">
          <Title order={4} id={headingId}>
            Password
          </Title>
          {write.failure && <FocusedError error={write.failure} />}
          {done && (
            <Text size="sm" role="status">
              The password was changed and {label}’s sessions have ended.
            </Text>
          )}
          <Group align="flex-end" gap="sm">
            <PasswordInput
              label="New password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              visibilityToggleFocusable
              visibilityToggleButtonProps={{ 'aria-label': 'Show new password' }}
              flex={1}
            />
            <WriteButton needs={['update:users']} type="submit" variant="default" isBlocked={password === ''}>
              Set password
            </WriteButton>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        isOpen={isAsking}
        title={`Set a new password for ${label}?`}
        confirmLabel="Set password"
        isBusy={write.busy === 'reset'}
        onConfirm={reset}
        onCancel={() => setAsking(false)}
      >
        <Text size="sm">
          Their old password stops working, and every session they have ends now (refresh tokens are revoked). Tell them
          the new password through a channel you trust.
        </Text>
      </ConfirmDialog>
    </Paper>
  );
}
