import { Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { ConnectionName, type Connection } from '../../../../common/admin/connection.schema';
import { adminCreateConnection } from '../../../api/gatehouse';
import { WriteButton } from '../shared/write-button';
import { useAdminWrite } from '../use-admin-write';
import { FocusedError } from '../shared/focused-error';

function nameProblem(name: string): string | undefined {
  if (name === '') return 'A realm needs a name';
  const checked = ConnectionName.safeParse(name);
  return checked.success ? undefined : (checked.error.issues[0]?.message ?? 'Not a valid realm name');
}

/** A new database realm. The name is checked as you type with the contract's own rule. */
export function ConnectionCreateForm({ onCreated }: { onCreated: (connection: Connection) => void }) {
  const headingId = useId();
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [wasSubmitted, setSubmitted] = useState(false);
  const write = useAdminWrite();
  const problem = nameProblem(name);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (problem) return;
    const isDone = await write.run(
      'create',
      () =>
        adminCreateConnection({
          name,
          strategy: 'auth0',
          ...(displayName.trim() === '' ? {} : { display_name: displayName.trim() }),
        }),
      onCreated,
    );
    if (isDone) {
      setName('');
      setDisplayName('');
      setSubmitted(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={4} id={headingId}>
            New realm
          </Title>
          {write.failure && <FocusedError error={write.failure} />}
          <Group grow align="flex-start">
            <TextInput
              label="Realm name"
              description="Letters, digits and dashes; sign-ins send it as the realm"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={name === '' && !wasSubmitted ? undefined : problem}
            />
            <TextInput
              label="Display name (optional)"
              value={displayName}
              onChange={(event) => setDisplayName(event.currentTarget.value)}
            />
          </Group>
          <Group>
            <WriteButton needs={['create:connections']} type="submit" loading={write.busy === 'create'}>
              Create realm
            </WriteButton>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
