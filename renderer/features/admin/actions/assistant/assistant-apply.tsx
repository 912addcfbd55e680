import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { AppError } from '../../../../../common/errors/app-error';
import { useAdminSession } from '../../admin-session';
import { FocusedError } from '../../shared/focused-error';
import { WriteButton } from '../../shared/write-button';
import { useStaging } from '../../staging/staging-store';
import { bridgeMigrationCalls } from './migration-calls';
import { migrationChange, type MigrationPlan } from './migration-change';

// Creating and deploying the action, binding it and turning the rule off.
const applyScopes = ['create:actions'];

export interface AssistantApplyProps {
  plan: MigrationPlan;
  /** Why applying is not offered yet (untranslated lines, a missing secret), in words. */
  blockedBecause: string | undefined;
}

/**
 * Stages "deploy and bind the action, disable the rule" as one pending change, which the tray (or the button
 * here) applies after re-reading the tenant, and which undo reverses in one step.
 */
export function AssistantApply({ plan, blockedBecause }: AssistantApplyProps) {
  const staging = useStaging();
  const { noteFailure } = useAdminSession();
  const [failure, setFailure] = useState<AppError>();
  const [isBusy, setBusy] = useState(false);
  const [applied, setApplied] = useState(false);
  const key = `migration:${plan.rule.id}`;
  const staged = staging.find(key);

  const stage = async () => {
    setBusy(true);
    setFailure(undefined);
    const request = await migrationChange(bridgeMigrationCalls, plan);
    setBusy(false);
    if (!request.ok) {
      noteFailure(request.error);
      setFailure(request.error);
      return;
    }
    setApplied(false);
    staging.stage(request.value);
  };
  const apply = async () => {
    setBusy(true);
    setApplied(await staging.apply(key));
    setBusy(false);
  };

  return (
    <Stack gap="sm">
      {blockedBecause !== undefined && <Text size="sm">{blockedBecause}</Text>}
      <Group>
        <WriteButton
          needs={applyScopes}
          onClick={() => void stage()}
          loading={isBusy && !staged}
          isBlocked={blockedBecause !== undefined}
        >
          {staged ? 'Stage again with this draft' : 'Stage the migration'}
        </WriteButton>
        {staged && staged.state.kind !== 'applying' && (
          <Button variant="default" onClick={() => void apply()} loading={isBusy}>
            Apply the migration now
          </Button>
        )}
      </Group>
      {staged && (
        <Text size="sm" role="status">
          Staged in pending changes: deploy and bind “{plan.actionName}”, then disable the rule “{plan.rule.name}”.
          {staged.state.kind === 'conflict' && ' The tenant changed since: review it in pending changes.'}
        </Text>
      )}
      {staged?.state.kind === 'failed' && <FocusedError error={staged.state.error} />}
      {failure && <FocusedError error={failure} />}
      {applied && !staged && (
        <Alert color="teal" title="Migration applied" role="status">
          “{plan.actionName}” is deployed and runs at sign-in; the rule “{plan.rule.name}” is disabled. Undo in pending
          changes puts the rule back on and removes the action.
        </Alert>
      )}
    </Stack>
  );
}
