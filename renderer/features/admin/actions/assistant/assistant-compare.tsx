import { Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import type { AppError } from '../../../../../common/errors/app-error';
import { adminTryAction, adminTryRule } from '../../../../api/gatehouse';
import { useAdminSession } from '../../admin-session';
import { FocusedError } from '../../shared/focused-error';
import { MockSignInForm, type MockSignIn } from '../mock-sign-in-form';
import { compareRuns, type ComparisonRow } from './compare-runs';
import { RunComparison } from './run-comparison';

// The server runs dry runs for admins who may write rules or actions.
const tryScopes = ['create:actions', 'update:actions'];

export interface AssistantCompareProps {
  ruleId: string;
  actionName: string;
  code: string;
  /** The values typed for the action's secrets, so the draft sees what the rule's configuration held. */
  secrets: Readonly<Record<string, string>>;
  /** Told after each comparison whether everything matched. */
  onCompared: (allMatch: boolean) => void;
}

/** Runs the saved rule and the draft action through the same mock sign-in, and lines up what came out. */
export function AssistantCompare({ ruleId, actionName, code, secrets, onCompared }: AssistantCompareProps) {
  const { noteFailure } = useAdminSession();
  const headingId = useId();
  const [rows, setRows] = useState<readonly ComparisonRow[]>();
  const [failure, setFailure] = useState<AppError>();
  const [isBusy, setBusy] = useState(false);

  const run = async (signIn: MockSignIn) => {
    setBusy(true);
    setFailure(undefined);
    setRows(undefined);
    const [rule, action] = await Promise.all([
      adminTryRule({ ...signIn, target: { kind: 'saved', id: ruleId } }),
      adminTryAction({
        ...signIn,
        target: { kind: 'source', source: code, name: actionName, secrets: { ...secrets } },
      }),
    ]);
    setBusy(false);
    const failed = !rule.ok ? rule.error : !action.ok ? action.error : undefined;
    if (failed) {
      noteFailure(failed);
      setFailure(failed);
      onCompared(false);
      return;
    }
    if (!rule.ok || !action.ok) return;
    const compared = compareRuns(rule.value, action.value);
    setRows(compared);
    onCompared(compared.every((row) => row.matches));
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={4} id={headingId}>
        Compare: the rule and the draft, same sign-in
      </Title>
      <Text size="sm">
        Both run against the same made-up sign-in (user, client, realm, audience and scope). No one is signed in and no
        token is made.
      </Text>
      <MockSignInForm submitLabel="Run both and compare" needs={tryScopes} isBusy={isBusy} onRun={run} />
      {failure && <FocusedError error={failure} />}
      {rows && <RunComparison rows={rows} />}
    </Stack>
  );
}
