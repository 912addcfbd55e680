import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { adminDeleteRule, adminGetRule } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { useAdminSession } from '../admin-session';
import { CodeEditor, type SyntaxProblem } from '../shared/code-editor';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { useDraft } from '../shared/drafts';
import { DryRunPanel } from '../shared/dry-run-panel';
import { FocusedError } from '../shared/focused-error';
import { LoadingLine } from '../shared/loading-line';
import { StatusBadge } from '../shared/status-badge';
import { WriteButton } from '../shared/write-button';
import { jsonEqual } from '../staging/json-equal';
import { useStaging } from '../staging/staging-store';
import { useStagedDraft } from '../staging/use-staged-draft';
import { useAdminLoad } from '../use-admin-load';
import { useAdminWrite } from '../use-admin-write';
import { ruleNameProblem, ruleScriptProblem } from './rule-form-fields';
import { RuleHistory } from './rule-history';
import { RuleReviewDialog } from './rule-review-dialog';
import { fieldsOf, ruleChange, RuleFields, ruleKey } from './rule-staging';

interface Draft {
  readonly name: string;
  readonly script: string;
}

/**
 * One rule: edit its name and script in a code editor, review the diff against the live script and stage
 * the change, try it, delete it, and see and restore its history. The unsaved draft lives in the pane, so it
 * survives going back to the list or to another section.
 */
export function RuleEditor({ id, onBack }: { id: string; onBack: (notice?: string) => void }) {
  const { can } = useAdminSession();
  const rule = useAdminLoad(['rule', id], () => adminGetRule(id));
  const write = useAdminWrite();
  const staging = useStaging();
  const draft = useDraft<Draft>(ruleKey(id));
  const [notice, setNotice] = useState<{ title: string; text: string }>();
  const [problems, setProblems] = useState<SyntaxProblem[]>([]);
  const [isReviewing, setReviewing] = useState(false);
  const [isAskingDelete, setAskingDelete] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const live = rule.value;
  const fields = useStagedDraft(ruleKey(id), live ? fieldsOf(live) : null);
  const staged = fields.staged;
  // What Save would be compared to: the staged draft when one is pending, else what the tenant runs.
  const start = RuleFields.safeParse(fields.start);
  const target = start.success ? start.data : undefined;
  const name = draft.value?.name ?? target?.name ?? '';
  const script = draft.value?.script ?? target?.script ?? '';
  const isChanged = target !== undefined && (name !== target.name || script !== target.script);
  const isValid =
    ruleNameProblem(name) === undefined && ruleScriptProblem(script) === undefined && problems.length === 0;

  const edit = (next: Draft) => {
    setNotice(undefined);
    if (target && next.name === target.name && next.script === target.script) draft.clear();
    else draft.set(next);
  };
  const review = (event: FormEvent) => {
    event.preventDefault();
    if (isChanged && isValid) setReviewing(true);
  };
  const stage = () => {
    if (!live || !target) return;
    const next = { ...target, name: name.trim(), script };
    fields.stageDraft(next, (base, value) => ruleChange(live, base, value));
    draft.clear();
    setReviewing(false);
    setNotice(
      jsonEqual(next, fields.base)
        ? { title: 'Nothing to stage', text: 'This is what the tenant runs now; the staged change was dropped.' }
        : {
            title: 'Staged',
            text: 'Apply it from Pending changes at the top of the pane; until then sign-ins run the live script.',
          },
    );
  };
  const remove = async () => {
    const isDone = await write.run('delete', () => adminDeleteRule(id));
    setAskingDelete(false);
    if (isDone) {
      draft.clear();
      staging.discard(ruleKey(id));
      onBack(`The rule “${live?.name ?? id}” was deleted.`);
    }
  };

  return (
    <Stack gap="lg">
      <Group>
        <Button variant="subtle" onClick={() => onBack()}>
          <span aria-hidden>←&nbsp;</span>Back to rules
        </Button>
      </Group>
      <Paper withBorder radius="md" p="lg">
        <form onSubmit={review} noValidate>
          <Stack gap="md">
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={3} ref={headingRef} tabIndex={-1}>
                  Rule: {live?.name ?? '…'}
                </Title>
                {live && <Text size="sm">Runs at position {live.order}</Text>}
              </div>
              {live && <StatusBadge isOn={live.enabled} on="Enabled" off="Disabled" />}
            </Group>
            {rule.error && <ErrorCallout error={rule.error} />}
            {!live && rule.isLoading && <LoadingLine label="Loading the rule…" />}
            {notice && (
              <Alert color="blue" variant="outline" role="status" title={notice.title}>
                {notice.text}
              </Alert>
            )}
            {staged && !notice && (
              <Text size="sm" role="status">
                A change to this rule is staged; the editor shows it. Edits here replace it when staged again.
              </Text>
            )}
            {write.failure && <FocusedError error={write.failure} />}
            {live && (
              <>
                <TextInput
                  label="Name"
                  value={name}
                  onChange={(event) => edit({ name: event.currentTarget.value, script })}
                  error={ruleNameProblem(name)}
                  readOnly={!can(['update:rules'])}
                />
                <CodeEditor
                  kind="rule"
                  label="Script"
                  value={script}
                  onChange={(next) => edit({ name, script: next })}
                  onProblems={setProblems}
                  readOnly={!can(['update:rules'])}
                />
                {isChanged && (
                  <Text size="sm" role="status">
                    Unsaved draft: it stays here while you visit other tabs.
                  </Text>
                )}
                <Group gap="sm">
                  <WriteButton needs={['update:rules']} type="submit" isBlocked={!isChanged || !isValid}>
                    Review and save…
                  </WriteButton>
                  {isChanged && (
                    <Button variant="default" onClick={() => draft.clear()}>
                      Discard draft
                    </Button>
                  )}
                  <WriteButton
                    needs={['delete:rules']}
                    variant="outline"
                    color="var(--mantine-color-error)"
                    onClick={() => setAskingDelete(true)}
                  >
                    Delete rule
                  </WriteButton>
                </Group>
              </>
            )}
          </Stack>
        </form>
      </Paper>
      {live && (
        <RuleReviewDialog
          isOpen={isReviewing}
          ruleName={live.name}
          live={fieldsOf(live)}
          draft={{ name: name.trim(), script }}
          onStage={stage}
          onCancel={() => setReviewing(false)}
        />
      )}
      <ConfirmDialog
        isOpen={isAskingDelete}
        title={`Delete the rule “${live?.name ?? ''}”?`}
        confirmLabel="Delete rule"
        isBusy={write.busy === 'delete'}
        onConfirm={remove}
        onCancel={() => setAskingDelete(false)}
      >
        <Text size="sm">
          Sign-ins stop running this rule at once, and the claims it adds disappear from new tokens. The rule and its
          history are deleted; this cannot be undone.
        </Text>
      </ConfirmDialog>
      {live && (
        <DryRunPanel
          kind="rule"
          target={isChanged ? { kind: 'source', source: script, name } : { kind: 'saved', id }}
          targetWords={isChanged ? 'the script in the editor (not saved yet)' : 'the saved rule'}
        />
      )}
      {live && (
        <RuleHistory
          ruleId={id}
          currentScript={live.script}
          onRestored={(fresh) => {
            rule.replace(fresh);
            draft.clear();
            setNotice({ title: 'Restored', text: 'Restored. The next sign-in runs the restored script.' });
          }}
        />
      )}
    </Stack>
  );
}
