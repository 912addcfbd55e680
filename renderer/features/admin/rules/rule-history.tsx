import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { DisclosureButton } from '../../../components/disclosure-button';
import { useId, useState } from 'react';
import type { Rule, RuleRevision } from '../../../../common/admin/extensibility.schema';
import { adminListRuleHistory, adminRestoreRule } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { LoadingLine } from '../shared/loading-line';
import { WriteButton } from '../shared/write-button';
import { readableDate } from '../users/user-words';
import { useAdminLoad } from '../use-admin-load';
import { useAdminWrite } from '../use-admin-write';
import { LineDiffView } from '../shared/line-diff-view';
import { FocusedError } from '../shared/focused-error';

export interface RuleHistoryProps {
  ruleId: string;
  currentScript: string;
  onRestored: (rule: Rule) => void;
}

/**
 * The scripts the rule had before each edit, newest first (the server keeps them). Each shows what restoring
 * it would change in the current script, as a line diff, and can be restored; the script it replaces joins
 * the history, so a restore can itself be undone.
 */
export function RuleHistory({ ruleId, currentScript, onRestored }: RuleHistoryProps) {
  const headingId = useId();
  const history = useAdminLoad(['rule-history', ruleId], () => adminListRuleHistory(ruleId));
  const write = useAdminWrite();

  const restore = (revision: RuleRevision) =>
    write.run(`restore:${revision.id}`, () => adminRestoreRule(ruleId, revision.id), onRestored);

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={4} id={headingId}>
          History
        </Title>
        {history.error && <ErrorCallout error={history.error} />}
        {write.failure && <FocusedError error={write.failure} />}
        {history.isLoading && history.value === undefined && <LoadingLine label="Loading the history…" />}
        {history.value?.length === 0 && <Text size="sm">No earlier versions: the script has not been edited.</Text>}
        {history.value?.map((revision, index) => (
          <Revision
            key={revision.id}
            revision={revision}
            currentScript={currentScript}
            isInitiallyOpen={index === 0}
            isRestoring={write.busy === `restore:${revision.id}`}
            onRestore={() => restore(revision)}
          />
        ))}
      </Stack>
    </Paper>
  );
}

interface RevisionProps {
  revision: RuleRevision;
  currentScript: string;
  isInitiallyOpen: boolean;
  isRestoring: boolean;
  onRestore: () => void;
}

function Revision({ revision, currentScript, isInitiallyOpen, isRestoring, onRestore }: RevisionProps) {
  const [isOpen, setOpen] = useState(isInitiallyOpen);
  const diffId = useId();
  const when = readableDate(revision.replaced_at) ?? revision.replaced_at;
  return (
    <Paper withBorder radius="sm" p="sm" component="article" aria-label={`Version replaced ${when}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            Version replaced {when}
          </Text>
          <WriteButton needs={['update:rules']} size="xs" variant="default" loading={isRestoring} onClick={onRestore}>
            Restore this version
          </WriteButton>
        </Group>
        <div>
          <DisclosureButton isOpen={isOpen} controls={diffId} onToggle={() => setOpen((open) => !open)}>
            Differences from the current script
          </DisclosureButton>
        </div>
        <div id={diffId} hidden={!isOpen}>
          <Text size="sm">Lines marked − are in the current script; lines marked + are in this version.</Text>
          {isOpen && (
            <LineDiffView
              before={currentScript}
              after={revision.script}
              label={`Restoring the version replaced ${when}: − current script, + this version`}
            />
          )}
        </div>
      </Stack>
    </Paper>
  );
}
