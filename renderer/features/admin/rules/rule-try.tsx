import { Autocomplete, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import type { DryRunReport } from '../../../../common/admin/dry-run.schema';
import { activeProfile, adminListClients, adminTryRule } from '../../../api/gatehouse';
import { useAdminSession } from '../admin-session';
import { WriteButton } from '../shared/write-button';
import { useAdminLoad } from '../use-admin-load';
import { useAdminWrite } from '../use-admin-write';
import { DryRunResult } from './dry-run-result';
import { FocusedError } from '../shared/focused-error';

export interface RuleTryProps {
  ruleId: string;
  /** The editor's script when it differs from the saved one: then that is what runs. */
  unsavedScript?: string;
}

// The server runs dry runs for admins who may write rules (POST /rules/try: create:rules or update:rules).
const tryScopes = ['create:rules', 'update:rules'];

/**
 * "Try it": runs the rule (or the unsaved script in the editor) against a real user and client, as a login
 * would, without signing anyone in or making a token. Shows the claims that would come out, and why.
 */
export function RuleTry({ ruleId, unsavedScript }: RuleTryProps) {
  const { access, can } = useAdminSession();
  const headingId = useId();
  const [userId, setUserId] = useState(access.subject?.endsWith('@clients') ? '' : (access.subject ?? ''));
  /** Undefined until the admin types: then the field shows this app's own client. */
  const [clientId, setClientId] = useState<string>();
  const [report, setReport] = useState<DryRunReport>();
  const write = useAdminWrite();
  // Client ids to pick from, when the step-up may read them; otherwise the field takes any typed id.
  const clients = useAdminLoad(['clients', can(['read:clients'])], () =>
    can(['read:clients']) ? adminListClients() : Promise.resolve({ ok: true as const, value: [] }),
  );
  const profile = useAdminLoad(['active-profile'], activeProfile);
  const clientIds = (clients.value ?? []).map((client) => client.client_id);
  const chosenClient = clientId ?? profile.value?.clientId ?? clientIds[0] ?? '';

  const run = async (event: FormEvent) => {
    event.preventDefault();
    setReport(undefined);
    if (userId.trim() === '' || chosenClient.trim() === '') return;
    await write.run(
      'try',
      () =>
        adminTryRule({
          target:
            unsavedScript === undefined ? { kind: 'saved', id: ruleId } : { kind: 'source', source: unsavedScript },
          userId: userId.trim(),
          clientId: chosenClient.trim(),
        }),
      setReport,
    );
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <form onSubmit={run} noValidate>
        <Stack gap="sm">
          <Title order={4} id={headingId}>
            Try it
          </Title>
          <Text size="sm">
            Runs {unsavedScript === undefined ? 'the saved rule' : 'the script in the editor (not saved yet)'} against a
            made-up sign-in. No one is signed in and no token is made.
          </Text>
          <Group grow align="flex-start">
            <TextInput
              label="User ID"
              description="Who signs in, for example auth0|…"
              value={userId}
              onChange={(event) => setUserId(event.currentTarget.value)}
              error={userId.trim() === '' ? 'Enter a user ID' : undefined}
            />
            <Autocomplete
              label="Client ID"
              description="The application they sign in to"
              data={clientIds}
              value={chosenClient}
              onChange={setClientId}
              error={chosenClient.trim() === '' ? 'Enter a client ID' : undefined}
            />
          </Group>
          <Group>
            <WriteButton needs={tryScopes} type="submit" loading={write.busy === 'try'}>
              Run the dry run
            </WriteButton>
          </Group>
          {write.failure && <FocusedError error={write.failure} />}
          {report && <DryRunResult report={report} />}
        </Stack>
      </form>
    </Paper>
  );
}
