import { Text } from '@mantine/core';
import { CodeEditor, type CodeKind, type SyntaxProblem } from '../shared/code-editor';

export interface CodeFieldProps {
  label: string;
  value: string;
  kind?: CodeKind;
  onChange?: (value: string) => void;
  readOnly?: boolean;
  description?: string;
  onProblems?: (problems: SyntaxProblem[]) => void;
}

const ignore = () => undefined;

/** The actions screens' code box: the pane's shared CodeMirror editor, with an optional line of help under it. */
export function CodeField({
  label,
  value,
  kind = 'action',
  onChange,
  readOnly = false,
  description,
  onProblems,
}: CodeFieldProps) {
  return (
    <div>
      <CodeEditor
        label={label}
        value={value}
        kind={kind}
        readOnly={readOnly}
        onChange={onChange ?? ignore}
        {...(onProblems ? { onProblems } : {})}
      />
      {description !== undefined && (
        <Text size="xs" c="dimmed" mt={4}>
          {description}
        </Text>
      )}
    </div>
  );
}
