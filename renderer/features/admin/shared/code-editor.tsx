import { Stack, Text } from '@mantine/core';
import { useId } from '@mantine/hooks';
import { lazy, Suspense, useState } from 'react';
import type { CodeKind, SyntaxProblem } from './code-syntax';
import { LoadingLine } from './loading-line';

export type { CodeKind, SyntaxProblem } from './code-syntax';

export interface CodeEditorProps {
  /** The text, owned by the parent (a draft): the editor reports every change through onChange. */
  value: string;
  onChange: (value: string) => void;
  /** 'rule' checks a `function (user, context, callback) {…}`; 'action' a module with `exports.on…`. */
  kind: CodeKind;
  /** The visible label, also the editor's accessible name. */
  label: string;
  readOnly?: boolean;
  /** Called with the current syntax errors (empty when the code parses), e.g. to block Save. */
  onProblems?: (problems: SyntaxProblem[]) => void;
  /** Extra element ids that describe the editor; the keyboard hint is always one of them. */
  describedBy?: string;
}

// CodeMirror is a large chunk only admins need: it loads when an editor is first shown.
const CodeEditorView = lazy(() => import('./code-editor-view'));

/**
 * A JavaScript editor for rules and actions: line numbers, highlighting, search (Ctrl/Cmd+F) and syntax
 * errors as you type, checked the way the server compiles the script. Tab indents inside the editor; the
 * hint under it says how to leave with the keyboard (Escape, then Tab), so it is never a keyboard trap.
 */
export function CodeEditor(props: CodeEditorProps) {
  const labelId = useId();
  const hintId = useId();
  const problemId = useId();
  const [problems, setProblems] = useState<SyntaxProblem[]>([]);
  const first = problems[0];
  const describedBy = [hintId, first === undefined ? undefined : problemId, props.describedBy]
    .filter(Boolean)
    .join(' ');
  return (
    <Stack gap={4}>
      <Text id={labelId} size="sm" fw={500} component="div">
        {props.label}
      </Text>
      <Suspense fallback={<LoadingLine label="Loading the code editor…" />}>
        <CodeEditorView
          {...props}
          describedBy={describedBy}
          onProblems={(found) => {
            setProblems(found);
            props.onProblems?.(found);
          }}
        />
      </Suspense>
      {first === undefined ? null : (
        <Text id={problemId} size="sm" c="var(--mantine-color-error)" role="status" data-testid="code-syntax-error">
          Syntax error on line {first.line}, column {first.column}: {first.message}
        </Text>
      )}
      <Text id={hintId} size="xs" c="dimmed">
        Tab indents. To move focus out of the editor press Escape, then Tab (or Shift+Tab). Ctrl+M switches Tab to
        moving focus. Ctrl+F (Cmd+F) searches.
      </Text>
    </Stack>
  );
}
