import { Badge, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import type { ActionVersion } from '../../../../common/admin/extensibility.schema';
import { adminListActionVersions, adminRollbackAction } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { FocusedError } from '../shared/focused-error';
import { LoadingLine } from '../shared/loading-line';
import { WriteButton } from '../shared/write-button';
import { LineDiffView } from '../shared/line-diff-view';
import { useAdminLoad } from '../use-admin-load';
import { useAdminWrite } from '../use-admin-write';

const deployScopes = ['create:actions', 'update:actions'];
const label = (version: ActionVersion) => `Version ${version.number ?? '?'}`;

/**
 * Every deployed version, newest first: pick one to see its line diff against the version deployed now,
 * and roll back by deploying it again (Auth0's POST …/versions/{id}/deploy).
 */
export function ActionVersions({ actionId, actionName }: { actionId: string; actionName: string }) {
  const headingId = useId();
  const versions = useAdminLoad(['action-versions', actionId], () => adminListActionVersions(actionId));
  const write = useAdminWrite();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [isAsking, setAsking] = useState(false);
  const [notice, setNotice] = useState<string>();
  const list = versions.value ?? [];
  const deployed = list.find((version) => version.deployed === true);
  const chosen = list.find((version) => version.id === chosenId) ?? list.find((version) => version !== deployed);

  const rollback = async (version: ActionVersion) => {
    setNotice(undefined);
    const done = await write.run('rollback', () => adminRollbackAction(actionId, version.id));
    setAsking(false);
    if (done) setNotice(`${label(version)} is deployed again: sign-ins run it now.`);
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={4} id={headingId}>
          Versions
        </Title>
        {versions.error && <ErrorCallout error={versions.error} />}
        {versions.isLoading && versions.value === undefined && <LoadingLine label="Loading versions…" />}
        {notice && (
          <Text size="sm" role="status">
            {notice}
          </Text>
        )}
        {write.failure && <FocusedError error={write.failure} />}
        {versions.value !== undefined && list.length === 0 && <Text size="sm">Never deployed: no versions yet.</Text>}
        {deployed && (
          <Group gap="xs">
            <Text size="sm">Sign-ins run {label(deployed)}.</Text>
            <Badge variant="filled" color="teal.9" radius="sm">
              Deployed
            </Badge>
          </Group>
        )}
        {list.length > 1 && (
          <>
            <Select
              label="Compare a version with the deployed one"
              data={list
                .filter((version) => version !== deployed)
                .map((version) => ({ value: version.id, label: `${label(version)} (${version.created_at ?? ''})` }))}
              value={chosen?.id ?? null}
              onChange={setChosenId}
              allowDeselect={false}
            />
            {chosen && deployed && (
              <>
                <Text size="sm">
                  From {label(chosen)} (−) to the deployed {label(deployed)} (+):
                </Text>
                <LineDiffView
                  before={chosen.code ?? ''}
                  after={deployed.code ?? ''}
                  label={`Line changes from ${label(chosen)} to ${label(deployed)}`}
                />
                <Group>
                  <WriteButton needs={deployScopes} variant="default" onClick={() => setAsking(true)}>
                    Roll back to {label(chosen)}
                  </WriteButton>
                </Group>
                <ConfirmDialog
                  isOpen={isAsking}
                  title={`Roll “${actionName}” back to ${label(chosen)}?`}
                  confirmLabel={`Deploy ${label(chosen)}`}
                  isBusy={write.busy === 'rollback'}
                  onCancel={() => setAsking(false)}
                  onConfirm={() => void rollback(chosen)}
                >
                  <Text size="sm">
                    {label(chosen)} is deployed again at once and sign-ins run it; the draft becomes its code. The
                    versions stay, so you can roll forward the same way.
                  </Text>
                </ConfirmDialog>
              </>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
