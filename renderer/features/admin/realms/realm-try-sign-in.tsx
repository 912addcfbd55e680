import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Code, Group, Paper, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { TrySignInInput, type TrySignInOutcome } from '../../../../common/ipc/admin.contract';
import { adminTrySignIn } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { FocusedError } from '../shared/focused-error';
import { useAdminWrite } from '../use-admin-write';

const Credentials = TrySignInInput.pick({ username: true, password: true });
type Credentials = z.infer<typeof Credentials>;

const refreshWords = {
  none: 'The server gave no refresh token.',
  revoked: 'Its refresh token was revoked at once; no session was made.',
  revoke_failed: 'Revoking its refresh token failed: revoke the user’s sessions if this matters.',
} as const;

/**
 * "Try a sign-in": signs test credentials in against this realm in main, without making a session, and shows
 * what happened in words: the claims and which rule or action set each one, or why the server refused.
 */
export function RealmTrySignIn({ realm }: { realm: string }) {
  const headingId = useId();
  const write = useAdminWrite();
  const [outcome, setOutcome] = useState<TrySignInOutcome>();
  const form = useForm<Credentials>({
    resolver: zodResolver(Credentials),
    defaultValues: { username: '', password: '' },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit(async (credentials) => {
    setOutcome(undefined);
    await write.run('try', () => adminTrySignIn({ realm, ...credentials }), setOutcome);
    // The password is not kept in the form once used.
    form.resetField('password');
  });

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={4} id={headingId}>
            Try a sign-in
          </Title>
          <Text size="sm">
            Signs a user in to “{realm}” as this app would, to see what happens. No session is made and nothing is kept:
            a refresh token is revoked at once.
          </Text>
          <Group grow align="flex-start">
            <TextInput
              label="Test username or e-mail"
              autoComplete="off"
              error={errors.username?.message}
              {...form.register('username')}
            />
            <PasswordInput
              label="Test password"
              autoComplete="off"
              error={errors.password?.message}
              {...form.register('password')}
            />
          </Group>
          <Group>
            <Button type="submit" loading={write.busy === 'try'}>
              Try sign-in
            </Button>
          </Group>
          {write.failure && <FocusedError error={write.failure} />}
          {outcome?.status === 'refused' && (
            <Stack gap={4}>
              <Text fw={600} role="status">
                The sign-in was refused.
              </Text>
              <ErrorCallout error={outcome.error} />
            </Stack>
          )}
          {outcome?.status === 'signed_in' && <SignedIn outcome={outcome} />}
        </Stack>
      </form>
    </Paper>
  );
}

function SignedIn({ outcome }: { outcome: Extract<TrySignInOutcome, { status: 'signed_in' }> }) {
  return (
    <Stack gap="xs">
      {/* Outline, as the other success callouts: the light variant's green title fails contrast (axe, light theme). */}
      <Alert color="green" variant="outline" title="The sign-in worked" role="status">
        <Text size="sm">
          Signed in as <Code>{outcome.userId}</Code> with scope “{outcome.scope.join(' ')}”.{' '}
          {refreshWords[outcome.refreshTokenFate]}
        </Text>
      </Alert>
      {outcome.provenanceProblem && <Text size="sm">{outcome.provenanceProblem}</Text>}
      <Table.ScrollContainer minWidth={500}>
        <Table striped>
          <Table.Caption>The tokens’ claims and what set them</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Token</Table.Th>
              <Table.Th scope="col">Claim</Table.Th>
              <Table.Th scope="col">Value</Table.Th>
              <Table.Th scope="col">Set by</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {outcome.claims.map((claim) => (
              <Table.Tr key={`${claim.token}:${claim.name}`}>
                <Table.Td>{claim.token === 'id' ? 'ID token' : 'Access token'}</Table.Td>
                <Table.Td>
                  <Code>{claim.name}</Code>
                </Table.Td>
                <Table.Td>
                  <Code>{JSON.stringify(claim.value)}</Code>
                </Table.Td>
                <Table.Td>
                  {claim.setBy
                    ? `${claim.setBy.kind === 'rule' ? 'Rule' : 'Action'} “${claim.setBy.name}”`
                    : 'The server'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
