import { Alert, Avatar, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { SessionSummary } from '../../../common/ipc/session.schema';
import { lockNow, signOut } from '../../api/gatehouse';
import { appErrorOf, unwrap } from '../../api/query-client';
import { ClaimsTable } from '../../components/claims-table';
import { ErrorCallout } from '../../components/error-callout';
import { AccountsPanel } from './accounts-panel';
import { memoryReasonWords, RefreshHealthPanel } from './refresh-health-panel';
import { SessionFacts } from './session-facts';

export interface SessionViewProps {
  session: SessionSummary;
  onSignedOut: () => void;
  onAddAccount: () => void;
}

function initials(label: string): string {
  const words = label.split(/[\s@._-]+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
}

/** The signed-in account: who, until when, where the session is kept, and every claim of both tokens. */
export function SessionView({ session, onSignedOut, onAddAccount }: SessionViewProps) {
  const signingOut = useMutation({ mutationFn: () => unwrap(signOut()), onSuccess: onSignedOut });
  const failure = appErrorOf(signingOut.error);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const displayName = session.user.name ?? session.user.email ?? session.username;

  // Arriving here means the user just signed in (or was restored): say so by putting focus on the heading.
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => failureRef.current?.focus(), [failure]);

  return (
    <Stack gap="lg" w="100%">
      <Paper withBorder shadow="sm" radius="md" p="lg">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Group gap="md" wrap="nowrap" miw={0}>
              {/* Initials, not `picture`: the CSP allows no remote images, by design. */}
              <Avatar size="lg" radius="xl" color="blue" variant="filled" aria-hidden>
                {initials(displayName)}
              </Avatar>
              <div>
                <Title order={1} ref={headingRef} tabIndex={-1}>
                  Signed in
                </Title>
                <Text fw={600}>{displayName}</Text>
                {session.user.email !== undefined && session.user.email !== displayName && (
                  <Text size="sm">{session.user.email}</Text>
                )}
              </div>
            </Group>
            <Group gap="xs" wrap="nowrap">
              {/* Success arrives as session:changed ("locked"), which shows the locked screen. */}
              <Button variant="default" onClick={() => void lockNow()}>
                Lock now
              </Button>
              <Button variant="default" onClick={() => signingOut.mutate()} loading={signingOut.isPending}>
                Sign out
              </Button>
            </Group>
          </Group>
          {failure && <ErrorCallout ref={failureRef} error={failure} />}
          {session.storage === 'memory' && session.renewable && (
            <Alert role="note" color="yellow" variant="outline" title="This session is kept in memory only">
              {session.health.memoryReason === null ? '' : `${memoryReasonWords[session.health.memoryReason]} `}
              You will need to sign in again after Gatehouse quits.
            </Alert>
          )}
          <SessionFacts session={session} />
        </Stack>
      </Paper>
      <RefreshHealthPanel session={session} />
      <AccountsPanel active={session} onAddAccount={onAddAccount} onAllSignedOut={onSignedOut} />
      <Paper withBorder radius="md" p="lg">
        <ClaimsTable
          title="ID token claims"
          claims={session.idTokenClaims}
          emptyText="The server sent no ID token (the scope did not include openid)."
        />
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <ClaimsTable
          title="Access token claims"
          claims={session.accessTokenClaims}
          emptyText="The access token is opaque (not a JWT), so it has no claims to read."
        />
      </Paper>
    </Stack>
  );
}
