import { Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import type { DryRunReport } from '../../../../common/admin/dry-run.schema';
import { adminTryAction } from '../../../api/gatehouse';
import { DryRunResult } from '../rules/dry-run-result';
import { FocusedError } from '../shared/focused-error';
import { useAdminWrite } from '../use-admin-write';
import { MockSignInForm, type MockSignIn } from './mock-sign-in-form';

const tryScopes = ['create:actions', 'update:actions'];

export interface ActionTryProps {
  actionId: string;
  name: string;
  /** The editor's code when it differs from the saved draft: then that runs, without the saved secrets. */
  unsavedCode?: string;
}

/** A dry run of the action's draft (or the editor's unsaved code) against a made-up sign-in. */
export function ActionTry({ actionId, name, unsavedCode }: ActionTryProps) {
  const headingId = useId();
  const write = useAdminWrite();
  const [report, setReport] = useState<DryRunReport>();
  const run = (signIn: MockSignIn) => {
    setReport(undefined);
    void write.run(
      'try',
      () =>
        adminTryAction({
          ...signIn,
          target:
            unsavedCode === undefined ? { kind: 'saved', id: actionId } : { kind: 'source', source: unsavedCode, name },
        }),
      setReport,
    );
  };
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={4} id={headingId}>
          Try it
        </Title>
        <Text size="sm">
          {unsavedCode === undefined
            ? 'Runs the saved draft (with its secrets) against a made-up sign-in.'
            : 'Runs the code in the editor (not saved yet; secrets are empty) against a made-up sign-in.'}{' '}
          No one is signed in and no token is made.
        </Text>
        <MockSignInForm submitLabel="Run the dry run" needs={tryScopes} isBusy={write.busy === 'try'} onRun={run} />
        {write.failure && <FocusedError error={write.failure} />}
        {report && <DryRunResult report={report} />}
      </Stack>
    </Paper>
  );
}
