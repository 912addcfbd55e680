import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AppError } from '../../../common/errors/app-error';
import type { SessionSummary } from '../../../common/ipc/session.schema';
import { listAccounts, signOutAccount, signOutAll, switchAccount } from '../../api/gatehouse';
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
  const [accounts, setAccounts] = useState<SessionSummary[]>([active]);
  const [failure, setFailure] = useState<AppError>();
  const [busy, setBusy] = useState<string>();

  useEffect(() => {
    let isCurrent = true;
    void listAccounts().then((answer) => {
      if (!isCurrent) return;
      if (answer.ok) setAccounts(answer.value);
      else setFailure(answer.error);
    });
    return () => {
      isCurrent = false;
    };
  }, [active]);

  const run = async (key: string, action: () => Promise<{ ok: boolean; error?: AppError }>) => {
    setBusy(key);
    setFailure(undefined);
    const answer = await action();
    setBusy(undefined);
    if (!answer.ok && answer.error) setFailure(answer.error);
    const fresh = await listAccounts();
    if (fresh.ok) setAccounts(fresh.value);
  };

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
              <Button
                size="xs"
                variant="default"
                loading={busy === 'all'}
                onClick={async () => {
                  setBusy('all');
                  const answer = await signOutAll();
                  setBusy(undefined);
                  if (answer.ok) onAllSignedOut();
                  else setFailure(answer.error);
                }}
              >
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
