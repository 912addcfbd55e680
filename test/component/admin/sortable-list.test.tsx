import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SortableList } from '../../../renderer/features/admin/shared/sortable-list';
import { renderInApp } from '../render';

const rules = [
  { id: 'r1', name: 'Add roles' },
  { id: 'r2', name: 'Deny at night' },
];

describe('SortableList', () => {
  it('gives each row a named handle that a keyboard can reach, with the instructions attached', () => {
    renderInApp(
      <SortableList
        label="Rules in run order"
        items={rules}
        getId={(rule) => rule.id}
        getName={(rule) => rule.name}
        onReorder={vi.fn()}
        renderItem={(rule, handle) => (
          <div>
            {handle} {rule.name}
          </div>
        )}
      />,
    );
    const list = screen.getByRole('list', { name: 'Rules in run order' });
    expect(list.querySelectorAll('li')).toHaveLength(2);
    const handle = screen.getByRole('button', { name: 'Move Deny at night' });
    expect(handle.getAttribute('aria-roledescription')).toBe('sortable');
    const instructions = document.getElementById(handle.getAttribute('aria-describedby') ?? '');
    expect(instructions?.textContent).toMatch(/focus its handle and press Space/);
  });

  it('disables every handle while the list is read-only', () => {
    renderInApp(
      <SortableList
        label="Rules"
        items={rules}
        getId={(rule) => rule.id}
        getName={(rule) => rule.name}
        onReorder={vi.fn()}
        renderItem={(rule, handle) => <div>{handle}</div>}
        disabled
      />,
    );
    for (const handle of screen.getAllByRole('button')) expect((handle as HTMLButtonElement).disabled).toBe(true);
  });
});
