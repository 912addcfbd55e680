import { useComputedColorScheme } from '@mantine/core';
import { defaultKeymap, history, historyKeymap, indentWithTab, temporarilySetTabFocusMode } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { linter, lintGutter, lintKeymap, type Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Annotation, Compartment, EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { codeThemes } from './code-editor-theme';
import { syntaxProblems } from './code-syntax';
import type { CodeEditorProps } from './code-editor';

/**
 * The CodeMirror 6 view behind CodeEditor (loaded lazily through it). Controlled: the parent owns the text,
 * and a new `value` that differs from the editor's own text replaces it (a draft discarded, a version
 * restored) without losing the undo history of typing.
 */
/** Marks a change that came from the parent's `value`, so it is not reported back as an edit. */
const fromParent = Annotation.define<boolean>();

export default function CodeEditorView(props: CodeEditorProps) {
  const { value, kind, label, readOnly = false, describedBy } = props;
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The latest callbacks, so the one-time extensions always call the current ones.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const scheme = useComputedColorScheme('light');
  const themeSlot = useRef(new Compartment());
  const readOnlySlot = useRef(new Compartment());
  const ariaSlot = useRef(new Compartment());

  useEffect(() => {
    if (host.current === null) return undefined;
    const syntaxLinter = linter(
      (editor): Diagnostic[] => {
        const problems = syntaxProblems(editor.state.doc.toString(), kind);
        latest.current.onProblems?.(problems);
        return problems.map((problem) => ({
          from: problem.from,
          to: problem.to,
          severity: 'error',
          message: problem.message,
        }));
      },
      { delay: 300 },
    );
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          highlightSelectionMatches(),
          search({ top: true }),
          javascript(),
          syntaxLinter,
          lintGutter(),
          keymap.of([
            // Escape lets the next Tab leave the editor; Ctrl-M (in defaultKeymap) toggles that for good.
            { key: 'Escape', run: temporarilySetTabFocusMode },
            indentWithTab,
            ...searchKeymap,
            ...lintKeymap,
            ...historyKeymap,
            ...defaultKeymap,
          ]),
          EditorView.updateListener.of((update) => {
            const isEdit = update.transactions.some((tr) => tr.docChanged && tr.annotation(fromParent) !== true);
            if (isEdit) latest.current.onChange(update.state.doc.toString());
          }),
          themeSlot.current.of(codeThemes(scheme)),
          readOnlySlot.current.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
          ariaSlot.current.of(contentAttributes(label, describedBy)),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
    // The view is made once; later prop changes are dispatched by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind]);

  useEffect(() => {
    const current = view.current;
    if (current === null || current.state.doc.toString() === value) return;
    current.dispatch({
      changes: { from: 0, to: current.state.doc.length, insert: value },
      annotations: fromParent.of(true),
    });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: themeSlot.current.reconfigure(codeThemes(scheme)) });
  }, [scheme]);

  useEffect(() => {
    view.current?.dispatch({
      effects: readOnlySlot.current.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
    });
  }, [readOnly]);

  useEffect(() => {
    view.current?.dispatch({ effects: ariaSlot.current.reconfigure(contentAttributes(label, describedBy)) });
  }, [label, describedBy]);

  return <div ref={host} data-testid="code-editor" />;
}

/** The editable element is CodeMirror's own contenteditable: it carries the name and the hint. */
function contentAttributes(label: string, describedBy: string | undefined) {
  return EditorView.contentAttributes.of({
    'aria-label': label,
    ...(describedBy === undefined ? {} : { 'aria-describedby': describedBy }),
  });
}
