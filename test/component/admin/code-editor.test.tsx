import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
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
    const editor = await screen.findByRole('textbox', { name: 'Script' }, { timeout: 5000 });
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

  it('takes a new value from the parent without reporting it back as an edit', async () => {
    const onChange = vi.fn();
    function Parent() {
      const [value, setValue] = useState('function () {}');
      return (
        <>
          <button type="button" onClick={() => setValue('function (user) {}')}>
            Restore
          </button>
          <CodeEditor kind="rule" label="Script" value={value} onChange={onChange} />
        </>
      );
    }
    renderInApp(<Parent />);
    const editor = await screen.findByRole('textbox', { name: 'Script' }, { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(editor.textContent).toBe('function (user) {}'));
    expect(onChange).not.toHaveBeenCalled();
  });
});
