import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CodeEditor } from '../../../renderer/features/admin/shared/code-editor';
import { renderInApp } from '../render';

// CodeMirror measures text ranges for the cursor; jsdom has no layout, so ranges measure as empty.
const emptyRects = Object.assign([], { item: () => null }) as unknown as DOMRectList;
Range.prototype.getClientRects = () => emptyRects;
Range.prototype.getBoundingClientRect = () => new DOMRect();

describe('CodeEditor', () => {
  it('names the editor, shows the text and how to leave it by keyboard', async () => {
    renderInApp(
      <CodeEditor kind="rule" label="Script" value={'function (user, context, callback) {}'} onChange={vi.fn()} />,
    );
    const editor = await screen.findByRole('textbox', { name: 'Script' });
    expect(editor.textContent).toContain('function (user, context, callback)');
    expect(editor.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/press Escape, then Tab/).id).toBe(editor.getAttribute('aria-describedby')?.split(' ')[0]);
  });

  it('shows a syntax error in words and reports it to the parent', async () => {
    const onProblems = vi.fn();
    renderInApp(
      <CodeEditor
        kind="rule"
        label="Script"
        value={'function (user) {\n  const = 1;\n}'}
        onChange={vi.fn()}
        onProblems={onProblems}
      />,
    );
    await screen.findByText(/Syntax error on line 2, column 9/, {}, { timeout: 3000 });
    expect(onProblems).toHaveBeenLastCalledWith([expect.objectContaining({ line: 2 })]);
  });
});
