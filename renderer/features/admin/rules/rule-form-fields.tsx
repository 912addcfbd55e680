import { Text, TextInput } from '@mantine/core';
import { RuleName } from '../../../../common/admin/extensibility.schema';
import { CodeEditor, type SyntaxProblem } from '../shared/code-editor';

/** The contract's rule-name check, as words for the field (undefined when the name is fine). */
export function ruleNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'A rule needs a name';
  const checked = RuleName.safeParse(name);
  return checked.success ? undefined : (checked.error.issues[0]?.message ?? 'Not a valid rule name');
}

export function ruleScriptProblem(script: string): string | undefined {
  if (script.trim() === '') return 'A rule needs a script';
  if (script.length > 100_000) return 'A rule script can be at most 100,000 characters';
  return undefined;
}

export interface RuleFormFieldsProps {
  name: string;
  script: string;
  onName: (name: string) => void;
  onScript: (script: string) => void;
  isReadOnly: boolean;
  /** Syntax errors of the script, as the editor finds them. */
  onProblems?: (problems: SyntaxProblem[]) => void;
  /** After a submit, empty fields say so too; before it, only what was typed is checked. */
  showEmpty?: boolean;
}

/** Name and script (in the code editor, with syntax errors as you type), checked with the contract's rules. */
export function RuleFormFields(props: RuleFormFieldsProps) {
  const { name, script, onName, onScript, isReadOnly, onProblems, showEmpty = false } = props;
  const scriptProblem = script === '' && !showEmpty ? undefined : ruleScriptProblem(script);
  return (
    <>
      <TextInput
        label="Name"
        value={name}
        onChange={(event) => onName(event.currentTarget.value)}
        error={name === '' && !showEmpty ? undefined : ruleNameProblem(name)}
        readOnly={isReadOnly}
      />
      <CodeEditor
        kind="rule"
        label="Script"
        value={script}
        onChange={onScript}
        onProblems={onProblems}
        readOnly={isReadOnly}
      />
      {scriptProblem && (
        <Text size="sm" c="var(--mantine-color-error)">
          {scriptProblem}
        </Text>
      )}
    </>
  );
}
