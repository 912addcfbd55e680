import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LineDiffView } from '../../../renderer/features/admin/shared/line-diff-view';
import { renderInApp } from '../render';

describe('LineDiffView', () => {
  it('shows each line once: kept, removed (before its replacement) and added, with a count', () => {
    renderInApp(<LineDiffView label="Changes" before={'a\nb\nc\n'} after={'a\nB\nc\nd\n'} />);
    expect(screen.getByText('1 line removed, 2 lines added.')).toBeTruthy();
    const rows = screen.getAllByRole('listitem').map((row) => row.textContent);
    expect(rows).toEqual([' a', '−Removed: b', '+Added: B', ' c', '+Added: d']);
    expect(screen.getByRole('list', { name: 'Changes' }).querySelectorAll('del')).toHaveLength(1);
  });

  it('says so when the texts are the same, ignoring Windows line ends', () => {
    renderInApp(<LineDiffView label="Changes" before={'a\r\nb'} after={'a\nb'} />);
    expect(screen.getByText('No difference: the scripts are the same.')).toBeTruthy();
  });
});
