import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Rule } from '../../../../common/admin/extensibility.schema';
import { adminDeleteRule, adminGetRule, adminUpdateRule } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { useAdminSession } from '../admin-session';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { LoadingLine } from '../shared/loading-line';
import { StatusBadge } from '../shared/status-badge';
import { WriteButton } from '../shared/write-button';
import { useAdminLoad } from '../use-admin-load';
import { useAdminWrite } from '../use-admin-write';
import { RuleFormFields, ruleNameProblem, ruleScriptProblem } from './rule-form-fields';
import { RuleHistory } from './rule-history';
import { RuleTry } from './rule-try';
import { FocusedError } from '../shared/focused-error';

interface Draft {
  readonly name: string;
  readonly script: string;
}

/** One rule: edit its name and script, turn it on or off, delete it, try it, and see and restore its history. */
export function RuleEditor({ id, onBack }: { id: string; onBack: (notice?: string) => void }) {
  const { can } = useAdminSession();
  const rule = useAdminLoad(['rule', id], () => adminGetRule(id));
  const write = useAdminWrite();
  const [draft, setDraft] = useState<Draft>();
  const [notice, setNotice] = useState<string>();
  const [isAskingDelete, setAskingDelete] = useState(false);
  const [historyRound, setHistoryRound] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const saved = rule.value;
  const name = draft?.name ?? saved?.name ?? '';
  const script = draft?.script ?? saved?.script ?? '';
  const isChanged = saved !== undefined && (name !== saved.name || script !== saved.script);
  const isValid = ruleNameProblem(name) === undefined && ruleScriptProblem(script) === undefined;

  /** A fresh rule from the server replaces the draft; its history may have grown. */
  const adopt = (fresh: Rule, words: string) => {
    rule.replace(fresh);
    setDraft(undefined);
    setHistoryRound((count) => count + 1);
    setNotice(words);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!saved || !isChanged || !isValid) return;
    setNotice(undefined);
    const patch = {
      ...(name !== saved.name ? { name: name.trim() } : {}),
      ...(script !== saved.script ? { script } : {}),
    };
    await write.run(
      'save',
      () => adminUpdateRule(id, patch),
      (fresh) => adopt(fresh, 'Saved. The next sign-in runs this script; the previous one is in the history below.'),
    );
  };
  const toggle = async () => {
    if (!saved) return;
    setNotice(undefined);
    await write.run(
      'toggle',
      () => adminUpdateRule(id, { enabled: !saved.enabled }),
      (fresh) => {
        rule.replace(fresh);
        setNotice(fresh.enabled ? 'The rule is enabled: sign-ins run it.' : 'The rule is disabled: sign-ins skip it.');
      },
    );
  };
  const remove = async () => {
    const isDone = await write.run('delete', () => adminDeleteRule(id));
    setAskingDelete(false);
    if (isDone) onBack(`The rule “${saved?.name ?? id}” was deleted.`);
  };

  return (
    <Stack gap="lg">
      <Group>
        <Button variant="subtle" onClick={() => onBack()}>
          <span aria-hidden>←&nbsp;</span>Back to rules
        </Button>
      </Group>
      <Paper withBorder radius="md" p="lg">
        <form onSubmit={save} noValidate>
          <Stack gap="md">
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={3} ref={headingRef} tabIndex={-1}>
                  Rule: {saved?.name ?? '…'}
                </Title>
                {saved && <Text size="sm">Runs at position {saved.order}</Text>}
              </div>
              {saved && <StatusBadge isOn={saved.enabled} on="Enabled" off="Disabled" />}
            </Group>
            {rule.error && <ErrorCallout error={rule.error} />}
            {!saved && rule.isLoading && <LoadingLine label="Loading the rule…" />}
            {notice && (
              <Alert color="blue" variant="outline" role="status" title="Done">
                {notice}
              </Alert>
            )}
            {write.failure && <FocusedError error={write.failure} />}
            {saved && (
              <>
                <RuleFormFields
                  name={name}
                  script={script}
                  onName={(next) => setDraft({ name: next, script })}
                  onScript={(next) => setDraft({ name, script: next })}
                  isReadOnly={!can(['update:rules'])}
                  showEmpty
                />
                <Group gap="sm">
                  <WriteButton
                    needs={['update:rules']}
                    type="submit"
                    isBlocked={!isChanged || !isValid}
                    loading={write.busy === 'save'}
                  >
                    Save changes
                  </WriteButton>
                  {isChanged && (
                    <Button variant="default" onClick={() => setDraft(undefined)}>
                      Discard changes
                    </Button>
                  )}
                  <WriteButton
                    needs={['update:rules']}
                    variant="default"
                    onClick={toggle}
                    loading={write.busy === 'toggle'}
                  >
                    {saved.enabled ? 'Disable rule' : 'Enable rule'}
                  </WriteButton>
                  <WriteButton
                    needs={['delete:rules']}
                    variant="outline"
                    color="red.9"
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
      <ConfirmDialog
        isOpen={isAskingDelete}
        title={`Delete the rule “${saved?.name ?? ''}”?`}
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
      {saved && <RuleTry ruleId={id} unsavedScript={isChanged ? script : undefined} />}
      {saved && (
        <RuleHistory
          key={historyRound}
          ruleId={id}
          currentScript={saved.script}
          onRestored={(fresh) => adopt(fresh, 'Restored. The next sign-in runs the restored script.')}
        />
      )}
    </Stack>
  );
}
