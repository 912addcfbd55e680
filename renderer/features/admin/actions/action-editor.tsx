import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { adminDeployAction, adminGetAction } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { useAdminSession } from '../admin-session';
import { FocusedError } from '../shared/focused-error';
import { LoadingLine } from '../shared/loading-line';
import { StatusBadge } from '../shared/status-badge';
import { WriteButton } from '../shared/write-button';
import { DryRunPanel } from '../shared/dry-run-panel';
import { useStaging } from '../staging/staging-store';
import { useAdminLoad } from '../use-admin-load';
import { useAdminWrite } from '../use-admin-write';
import { actionChange, draftOf, type ActionDraft } from './action-change';
import { ActionDependencies } from './action-dependencies';
import { ActionSecrets } from './action-secrets';
import { ActionVersions } from './action-versions';
import { CodeField } from './code-field';

const writeScopes = ['update:actions'];
const deployScopes = ['create:actions', 'update:actions'];

const sameDraft = (a: ActionDraft, b: ActionDraft) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One action: its draft code, dependencies and secrets (edits are staged, then applied from the tray),
 * deploy, the versions with a diff and rollback, and a dry run.
 */
export function ActionEditor({ id, onBack }: { id: string; onBack: () => void }) {
  const { can } = useAdminSession();
  const staging = useStaging();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const action = useAdminLoad(['action', id], () => adminGetAction(id));
  const write = useAdminWrite();
  const [edit, setEdit] = useState<ActionDraft>();
  const key = `action:${id}`;
  const staged = staging.find(key);

  useEffect(() => headingRef.current?.focus(), []);

  const saved = action.value;
  if (saved === undefined) {
    return (
      <Paper withBorder radius="md" p="lg">
        {action.error ? <ErrorCallout error={action.error} /> : <LoadingLine label="Loading the action…" />}
      </Paper>
    );
  }
  const savedDraft = draftOf(saved);
  const draft = edit ?? savedDraft;
  const isChanged = !sameDraft(draft, savedDraft);
  const readOnly = !can(writeScopes);
  const change = (patch: Partial<ActionDraft>) => setEdit({ ...draft, ...patch });
  const stage = () => staging.stage(actionChange(saved, draft));
  const deploy = () =>
    write.run(
      'deploy',
      () => adminDeployAction(saved.id),
      () => action.reload(),
    );

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={3} id={headingId} ref={headingRef} tabIndex={-1}>
              Action: {saved.name}
            </Title>
            <Anchor component="button" type="button" onClick={onBack}>
              Back to actions
            </Anchor>
          </Group>
          <Group gap="xs">
            <StatusBadge
              isOn={saved.all_changes_deployed === true}
              on="Deployed"
              off={saved.deployed_version ? 'Changes not deployed' : 'Never deployed'}
            />
            {staged && (
              <Badge variant="filled" color="orange.9" radius="sm">
                Edit staged
              </Badge>
            )}
          </Group>
          <CodeField label="Code" value={draft.code} onChange={(code) => change({ code })} readOnly={readOnly} />
          <ActionDependencies
            value={draft.dependencies}
            onChange={(dependencies) => change({ dependencies })}
            readOnly={readOnly}
          />
          <ActionSecrets
            names={draft.secretNames}
            newValues={draft.newSecretValues}
            onChange={(secretNames, newSecretValues) => change({ secretNames, newSecretValues })}
            readOnly={readOnly}
          />
          {write.failure && <FocusedError error={write.failure} />}
          <Group>
            <WriteButton needs={writeScopes} onClick={stage} isBlocked={!isChanged}>
              Stage changes
            </WriteButton>
            <WriteButton
              needs={deployScopes}
              variant="default"
              onClick={() => void deploy()}
              loading={write.busy === 'deploy'}
              isBlocked={saved.all_changes_deployed === true || staged !== undefined}
            >
              Deploy the saved draft
            </WriteButton>
          </Group>
          <Text size="xs" c="dimmed">
            Staged edits are applied from pending changes; then Deploy makes sign-ins run them.
            {staged ? ' Apply or discard the staged edit before deploying.' : ''}
          </Text>
        </Stack>
      </Paper>
      <ActionVersions actionId={saved.id} actionName={saved.name} />
      <DryRunPanel
        kind="action"
        target={isChanged ? { kind: 'source', source: draft.code, name: saved.name } : { kind: 'saved', id: saved.id }}
        targetWords={
          isChanged
            ? 'the code in the editor (not saved yet; its secrets are empty)'
            : 'the saved draft, with its secrets'
        }
      />
    </Stack>
  );
}
