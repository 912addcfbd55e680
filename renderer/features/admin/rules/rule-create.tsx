import { Button, Group, Paper, Stack, Switch, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Rule } from '../../../../common/admin/extensibility.schema';
import { adminCreateRule } from '../../../api/gatehouse';
import { WriteButton } from '../shared/write-button';
import { useAdminWrite } from '../use-admin-write';
import { RuleFormFields, ruleNameProblem, ruleScriptProblem } from './rule-form-fields';
import { FocusedError } from '../shared/focused-error';

const starter = `function (user, context, callback) {
  // Add a namespaced claim, for example:
  // context.accessToken['https://example.com/claim'] = 'value';
  callback(null, user, context);
}
`;

/** A new rule: name, script and whether it runs at once. It is added after the existing rules. */
export function RuleCreate({ onCancel, onCreated }: { onCancel: () => void; onCreated: (rule: Rule) => void }) {
  const [name, setName] = useState('');
  const [script, setScript] = useState(starter);
  const [isEnabled, setEnabled] = useState(true);
  const [wasSubmitted, setSubmitted] = useState(false);
  const [syntaxErrors, setSyntaxErrors] = useState<readonly unknown[]>([]);
  const write = useAdminWrite();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isValid =
    ruleNameProblem(name) === undefined && ruleScriptProblem(script) === undefined && syntaxErrors.length === 0;

  useEffect(() => headingRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!isValid) return;
    await write.run('create', () => adminCreateRule({ name: name.trim(), script, enabled: isEnabled }), onCreated);
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={3} ref={headingRef} tabIndex={-1}>
            New rule
          </Title>
          {write.failure && <FocusedError error={write.failure} />}
          <RuleFormFields
            name={name}
            script={script}
            onName={setName}
            onScript={setScript}
            onProblems={setSyntaxErrors}
            isReadOnly={false}
            showEmpty={wasSubmitted}
          />
          <Switch
            label="Enabled (runs at the next sign-in)"
            checked={isEnabled}
            onChange={(event) => setEnabled(event.currentTarget.checked)}
          />
          <Group>
            <WriteButton needs={['create:rules']} type="submit" loading={write.busy === 'create'}>
              Create rule
            </WriteButton>
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
