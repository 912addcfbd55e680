import { Alert, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { User } from '../../../../common/admin/user.schema';
import { adminBlockUser, adminDeleteUser, adminGetUser, adminUnblockUser } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { FactList } from '../shared/fact-list';
import { LoadingLine } from '../shared/loading-line';
import { StatusBadge } from '../shared/status-badge';
import { WriteButton } from '../shared/write-button';
import { useAdminLoad } from '../use-admin-load';
import { useAdminWrite } from '../use-admin-write';
import { UserAuthenticators } from './user-authenticators';
import { UserLocks } from './user-locks';
import { UserTimeline } from './user-timeline';
import { UserPasswordReset } from './user-password-reset';
import { UserRoles } from './user-roles';
import { readableDate, userLabel, userRealm } from './user-words';
import { FocusedError } from '../shared/focused-error';

export interface UserDetailProps {
  userId: string;
  /** Back to the list; `notice` says what happened (a deletion) when there is news. */
  onBack: (notice?: string) => void;
}

type Asking = 'block' | 'delete' | undefined;

/**
 * One user: facts, block and unblock, deletion (confirmed), brute-force locks, a new password, roles, second
 * factors and recent log events.
 */
export function UserDetail({ userId, onBack }: UserDetailProps) {
  const user = useAdminLoad(['user', userId], () => adminGetUser(userId));
  const write = useAdminWrite();
  const [asking, setAsking] = useState<Asking>();
  const [done, setDone] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Opening a user is a change of view: tell screen-reader and keyboard users by moving focus to its name.
  useEffect(() => headingRef.current?.focus(), []);

  const current = user.value;
  const label = current ? userLabel(current) : userId;

  const block = async () => {
    setDone(undefined);
    const isDone = await write.run(
      'block',
      () => adminBlockUser(userId),
      (fresh: User) => user.replace(fresh),
    );
    setAsking(undefined);
    if (isDone) setDone(`${label} is blocked: sign-ins are refused and their sessions have ended.`);
  };
  const unblock = async () => {
    setDone(undefined);
    const isDone = await write.run(
      'unblock',
      () => adminUnblockUser(userId),
      (fresh: User) => user.replace(fresh),
    );
    if (isDone) setDone(`${label} is unblocked and can sign in again.`);
  };
  const remove = async () => {
    const isDone = await write.run('delete', () => adminDeleteUser(userId));
    setAsking(undefined);
    if (isDone) onBack(`${label} was deleted.`);
  };

  return (
    <Stack gap="lg">
      <Group>
        <Button variant="subtle" onClick={() => onBack()}>
          <span aria-hidden>←&nbsp;</span>Back to users
        </Button>
      </Group>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={3} ref={headingRef} tabIndex={-1}>
                {label}
              </Title>
              <Text size="sm">
                <Code>{userId}</Code>
              </Text>
            </div>
            {current && <StatusBadge isOn={current.blocked === true} on="Blocked" off="Active" warn />}
          </Group>
          {user.error && <ErrorCallout error={user.error} />}
          {!current && user.isLoading && <LoadingLine label="Loading the user…" />}
          {current && (
            <FactList
              facts={[
                [
                  'E-mail',
                  current.email && `${current.email}${current.email_verified ? ' (verified)' : ' (not verified)'}`,
                ],
                ['Username', current.username],
                ['Name', current.name],
                ['Realm', userRealm(current)],
                ['Created', readableDate(current.created_at)],
                ['Last sign-in', readableDate(current.last_login) ?? 'Never'],
                ['Last IP address', current.last_ip],
                ['Sign-ins', current.logins_count],
              ]}
            />
          )}
          {done && (
            <Alert color="blue" variant="outline" role="status" title="Done">
              {done}
            </Alert>
          )}
          {write.failure && <FocusedError error={write.failure} />}
          {current && (
            <Group gap="sm">
              {current.blocked ? (
                <WriteButton needs={['update:users']} onClick={unblock} loading={write.busy === 'unblock'}>
                  Unblock user
                </WriteButton>
              ) : (
                <WriteButton needs={['update:users']} color="red.9" onClick={() => setAsking('block')}>
                  Block user
                </WriteButton>
              )}
              <WriteButton needs={['delete:users']} variant="filled" color="red.9" onClick={() => setAsking('delete')}>
                Delete user
              </WriteButton>
            </Group>
          )}
        </Stack>
      </Paper>
      <ConfirmDialog
        isOpen={asking === 'block'}
        title={`Block ${label}?`}
        confirmLabel="Block user"
        isBusy={write.busy === 'block'}
        onConfirm={block}
        onCancel={() => setAsking(undefined)}
      >
        <Text size="sm">
          Every sign-in by {label} will be refused with “user is blocked”, and all of their sessions end now (their
          refresh tokens are revoked). You can unblock them later; they will then need to sign in again.
        </Text>
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={asking === 'delete'}
        title={`Delete ${label}?`}
        confirmLabel="Delete user"
        isBusy={write.busy === 'delete'}
        onConfirm={remove}
        onCancel={() => setAsking(undefined)}
      >
        <Text size="sm">
          This deletes {label}
          {current && userRealm(current) ? ` from the “${userRealm(current)}” realm` : ''}, with their roles, second
          factors and sessions. It cannot be undone.
        </Text>
      </ConfirmDialog>
      <UserLocks userId={userId} />
      <UserPasswordReset userId={userId} label={label} />
      <UserRoles userId={userId} />
      <UserAuthenticators userId={userId} />
      <UserTimeline userId={userId} />
    </Stack>
  );
}
