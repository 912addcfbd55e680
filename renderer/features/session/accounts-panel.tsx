import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppResult } from '../../../common/errors/app-error';
import type { SessionSummary } from '../../../common/ipc/session.schema';
import { listAccounts, signOutAccount, signOutAll, switchAccount } from '../../api/gatehouse';
import { appErrorOf, unwrap } from '../../api/query-client';
import { ErrorCallout } from '../../components/error-callout';

export interface AccountsPanelProps {
  /** The active account; the list is read again whenever it changes. */
  active: SessionSummary;
  onAddAccount: () => void;
  /** Every account is gone: back to the sign-in. */
  onAllSignedOut: () => void;
}

/**
 * The accounts signed in at once (across server profiles): switch the active one, sign one out, add
 * another, or sign out of all. Switching needs no password: main already holds each account's session.
 */
export function AccountsPanel({ active, onAddAccount, onAllSignedOut }: AccountsPanelProps) {
  const queryClient = useQueryClient();
  // Keyed by the active session too, so a switch, a refresh or a lock reads the list again.
  const accountsQuery = useQuery({
    queryKey: ['session', 'accounts', active.accountId, active.expiresAt, active.locked],
    queryFn: () => unwrap(listAccounts()),
    placeholderData: [active],
  });
  const accounts = accountsQuery.data ?? [active];
  const action = useMutation({
    mutationFn: ({ run }: { key: string; run: () => Promise<AppResult<unknown>> }) => unwrap(run()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['session', 'accounts'] }),
  });
  const allOut = useMutation({ mutationFn: () => unwrap(signOutAll()), onSuccess: onAllSignedOut });
  const failure = appErrorOf(action.error) ?? appErrorOf(allOut.error) ?? appErrorOf(accountsQuery.error);
  const busy = action.isPending ? action.variables.key : allOut.isPending ? 'all' : undefined;
  const run = (key: string, call: () => Promise<AppResult<unknown>>) => action.mutate({ key, run: call });

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="accounts-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="accounts-heading">
            Accounts
          </Title>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={onAddAccount}>
              Add an account
            </Button>
            {accounts.length > 1 && (
              <Button size="xs" variant="default" loading={busy === 'all'} onClick={() => allOut.mutate()}>
                Sign out of all
              </Button>
            )}
          </Group>
        </Group>
        {failure && <ErrorCallout error={failure} />}
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {accounts.map((account) => {
            const isActive = account.accountId === active.accountId;
            return (
              <Group component="li" key={account.accountId} justify="space-between" aria-label={account.username}>
                <div>
                  <Group gap="xs">
                    <Text fw={600}>{account.username}</Text>
                    {isActive && (
                      <Badge color="blue.9" variant="filled">
                        Active
                      </Badge>
                    )}
                    {account.locked && (
                      <Badge color="gray.8" variant="filled">
                        Locked
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {account.realm ?? 'Default directory'} · {account.profileId}
                  </Text>
                </div>
                {!isActive && (
                  <Group gap="xs">
                    <Button
                      size="xs"
                      loading={busy === `switch:${account.accountId}`}
                      onClick={() => run(`switch:${account.accountId}`, () => switchAccount(account.accountId))}
                    >
                      Switch to
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      loading={busy === `out:${account.accountId}`}
                      onClick={() => run(`out:${account.accountId}`, () => signOutAccount(account.accountId))}
                    >
                      Sign out
                    </Button>
                  </Group>
                )}
              </Group>
            );
          })}
        </Stack>
      </Stack>
    </Paper>
  );
}
