import { Anchor, Group, List, Paper, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Rule } from '../../../../../common/admin/extensibility.schema';
import { adminListRules } from '../../../../api/gatehouse';
import { ErrorCallout } from '../../../../components/error-callout';
import { LoadingLine } from '../../shared/loading-line';
import { useAdminLoad } from '../../use-admin-load';
import { CodeField } from '../code-field';
import { AssistantApply } from './assistant-apply';
import { AssistantCompare } from './assistant-compare';
import { translateRule, todoMarker } from './translate-rule';
import { UntranslatedList } from './untranslated-list';

/**
 * The Rules-to-Actions assistant: pick a rule, read the post-login action it drafts (and what it could not
 * translate), give the secrets the rule's configuration held, compare both on the same mock sign-in, then
 * stage "deploy and bind the action, disable the rule" as one change.
 */
export function RuleAssistant({ onBack }: { onBack: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rules = useAdminLoad(['rules'], adminListRules);
  const [ruleId, setRuleId] = useState<string | null>(null);
  const rule = rules.value?.find((candidate) => candidate.id === ruleId);
  const headingId = useId();

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3} id={headingId} ref={headingRef} tabIndex={-1}>
            Move a rule to an action
          </Title>
          <Anchor component="button" type="button" onClick={onBack}>
            Back to actions
          </Anchor>
        </Group>
        <Text size="sm">
          Auth0 stopped running rules on 2026-11-18. The assistant drafts a post-login action that does what a rule did,
          marks what it could not translate, and checks both on the same sign-in.
        </Text>
        {rules.error && <ErrorCallout error={rules.error} />}
        {rules.isLoading && rules.value === undefined && <LoadingLine label="Loading rules…" />}
        <Select
          label="Rule to move"
          placeholder="Choose a rule"
          data={(rules.value ?? []).map((item) => ({
            value: item.id,
            label: `${item.name}${item.enabled ? '' : ' (disabled)'}`,
          }))}
          value={ruleId}
          onChange={setRuleId}
          searchable
        />
        {/* Keyed by rule: another rule starts a fresh draft. */}
        {rule && <RuleDraft key={rule.id} rule={rule} />}
      </Stack>
    </Paper>
  );
}

/** One rule's draft action: the code, what was not translated, secrets, the comparison and the apply. */
function RuleDraft({ rule }: { rule: Rule }) {
  const translation = useMemo(() => translateRule(rule.script, rule.name), [rule.script, rule.name]);
  const [code, setCode] = useState<string>();
  const [actionName, setActionName] = useState(`${rule.name} (action)`);
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  /** The draft (code and secrets) the last comparison ran, and whether everything matched. */
  const [compared, setCompared] = useState<{ code: string; secrets: string; allMatch: boolean }>();

  if (!translation.ok) {
    return (
      <Text size="sm" role="alert">
        The rule’s script does not parse (line {translation.line}, column {translation.column}): {translation.message}.
        Fix the rule first.
      </Text>
    );
  }
  const draft = code ?? translation.code;
  const name = actionName.trim();
  const missingSecret = translation.secrets.find((secret) => (secrets[secret] ?? '') === '');
  const isComparedDraft = compared?.code === draft && compared.secrets === JSON.stringify(secrets);
  const blockedBecause = draft.includes(todoMarker)
    ? `The draft still has ${todoMarker} lines: rewrite them (and remove the comments) before applying.`
    : missingSecret !== undefined
      ? `Give the value of the secret ${missingSecret}.`
      : name === ''
        ? 'Give the action a name.'
        : !isComparedDraft || !compared.allMatch
          ? 'Compare this draft with the rule, and get every item to match, before applying.'
          : undefined;

  return (
    <>
      {/* One above the other: side by side, long lines would scroll sideways in half the width. */}
      <Stack gap="md">
        <CodeField label={`Rule “${rule.name}”`} kind="rule" value={rule.script} readOnly />
        <CodeField
          label="Draft post-login action"
          description="Edit it here; the comparison and the apply use this text."
          value={draft}
          onChange={setCode}
        />
      </Stack>
      <UntranslatedList todos={translation.todos} />
      {translation.notes.length > 0 && (
        <List size="sm">
          {translation.notes.map((note) => (
            <List.Item key={note}>{note}</List.Item>
          ))}
        </List>
      )}
      {translation.dependencies.length > 0 && (
        <Text size="sm">
          Dependencies to add: {translation.dependencies.map((item) => `${item.name}@${item.version}`).join(', ')}
        </Text>
      )}
      <TextInput
        label="Action name"
        value={actionName}
        onChange={(event) => setActionName(event.currentTarget.value)}
        maxLength={200}
      />
      {translation.secrets.length > 0 && (
        <Stack gap="xs">
          <Text size="sm">
            The rule reads these from its configuration; the action reads them from event.secrets. Type each value: it
            is sent once and never shown again.
          </Text>
          {translation.secrets.map((secret) => (
            <PasswordInput
              key={secret}
              label={`Secret ${secret}`}
              value={secrets[secret] ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setSecrets((all) => ({ ...all, [secret]: value }));
              }}
            />
          ))}
        </Stack>
      )}
      <AssistantCompare
        ruleId={rule.id}
        actionName={name}
        code={draft}
        secrets={secrets}
        onCompared={(allMatch) => setCompared({ code: draft, secrets: JSON.stringify(secrets), allMatch })}
      />
      <AssistantApply
        plan={{
          rule: { id: rule.id, name: rule.name },
          actionName: name,
          code: draft,
          dependencies: translation.dependencies,
          secrets,
        }}
        blockedBecause={blockedBecause}
      />
    </>
  );
}
