import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { AppError } from '../../common/errors/app-error';
import { ErrorCallout } from '../components/error-callout';

/** Shown when the server profile cannot be read, since the login form cannot work without it. */
export function ProfileUnavailable({ error, onRetry }: { error: AppError; onRetry: () => void }) {
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => errorRef.current?.focus(), []);
  return (
    <Paper component="main" withBorder shadow="sm" radius="md" p="xl" w="100%" maw={520}>
      <Stack gap="md">
        <Title order={1}>Gatehouse can’t start</Title>
        <Text>The sign-in settings could not be loaded.</Text>
        <ErrorCallout ref={errorRef} error={error} />
        <Button onClick={onRetry} style={{ alignSelf: 'flex-start' }}>
          Try again
        </Button>
      </Stack>
    </Paper>
  );
}
