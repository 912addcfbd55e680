import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../common/errors/app-error';
import type { SessionSummary } from '../../../common/ipc/session.schema';
import { unlock } from '../../api/gatehouse';
import { ErrorCallout } from '../../components/error-callout';

/**
 * Shown while the session is locked (idle time, or "Lock now"): the access tokens are gone from memory, the
 * refresh token is kept, so unlocking renews the session without the password.
 */
export function LockedView({ session }: { session: SessionSummary }) {
  const [failure, setFailure] = useState<AppError>();
  const [isUnlocking, setUnlocking] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const open = async () => {
    setUnlocking(true);
    setFailure(undefined);
    const answer = await unlock();
    setUnlocking(false);
    // Success arrives as session:changed ("unlocked"), which replaces this screen.
    if (!answer.ok) setFailure(answer.error);
  };

  return (
    <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={460} mx="auto">
      <Stack gap="md">
        <Title order={1} ref={headingRef} tabIndex={-1}>
          Gatehouse is locked
        </Title>
        <Text>
          {session.username} is still signed in, but the access tokens were cleared from memory after a period without
          use.
        </Text>
        {failure && <ErrorCallout error={failure} />}
        <Button onClick={open} loading={isUnlocking}>
          Unlock
        </Button>
      </Stack>
    </Paper>
  );
}
