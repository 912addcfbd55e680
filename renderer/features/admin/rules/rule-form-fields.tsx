import { Textarea, TextInput } from '@mantine/core';
import { RuleName } from '../../../../common/admin/extensibility.schema';
import classes from './rules.module.css';

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
  /** After a submit, empty fields say so too; before it, only what was typed is checked. */
  showEmpty?: boolean;
}

/**
 * Name and script, checked as you type with the contract's own rules. The script is a plain textarea in a
 * monospace font: Tab keeps moving focus (no keyboard trap), and no editor library is loaded.
 */
export function RuleFormFields({ name, script, onName, onScript, isReadOnly, showEmpty = false }: RuleFormFieldsProps) {
  return (
    <>
      <TextInput
        label="Name"
        value={name}
        onChange={(event) => onName(event.currentTarget.value)}
        error={name === '' && !showEmpty ? undefined : ruleNameProblem(name)}
        readOnly={isReadOnly}
      />
      <Textarea
        label="Script"
        description="function (user, context, callback) { … callback(null, user, context); }"
        className={classes.script}
        value={script}
        onChange={(event) => onScript(event.currentTarget.value)}
        error={script === '' && !showEmpty ? undefined : ruleScriptProblem(script)}
        autosize
        minRows={8}
        maxRows={24}
        spellCheck={false}
        autoCapitalize="none"
        autoCorrect="off"
        readOnly={isReadOnly}
      />
    </>
  );
}
