import { describe, expect, it } from 'vitest';
import { movedOrder, sortableAnnouncements } from '../../../../../renderer/features/admin/shared/sortable-words';

const names: Record<string, string> = { a: 'Add roles', b: 'Deny at night', c: 'Email claim' };
const words = sortableAnnouncements({
  ids: ['a', 'b', 'c'],
  nameOf: (id) => names[id] ?? id,
  drag: { isFresh: false },
});

describe('sortable announcements', () => {
  it('names the item and its position, counted from 1, with what to press', () => {
    expect(words.onDragStart({ active: { id: 'b' } })).toBe(
      'Picked up Deny at night, in position 2 of 3. Use the Up and Down arrow keys to move it, Space to drop it, or Escape to cancel.',
    );
  });

  it('says where the item is now and where it lands', () => {
    expect(words.onDragOver({ active: { id: 'a' }, over: { id: 'c' } })).toBe('Add roles moved to position 3 of 3.');
    expect(words.onDragEnd({ active: { id: 'a' }, over: { id: 'b' } })).toBe('Add roles dropped in position 2 of 3.');
    expect(words.onDragEnd({ active: { id: 'a' }, over: null })).toBe('Add roles dropped where it was.');
  });

  it('keeps "Picked up" when dnd-kit reports the item over its own place right after the pick-up', () => {
    expect(words.onDragStart({ active: { id: 'a' } })).toMatch(/^Picked up Add roles/);
    expect(words.onDragOver({ active: { id: 'a' }, over: { id: 'a' } })).toBeUndefined();
    expect(words.onDragOver({ active: { id: 'a' }, over: { id: 'b' } })).toBe('Add roles moved to position 2 of 3.');
    expect(words.onDragOver({ active: { id: 'a' }, over: { id: 'a' } })).toBe('Add roles moved to position 1 of 3.');
  });

  it('says a cancelled move leaves the item where it was', () => {
    expect(words.onDragCancel({ active: { id: 'c' } })).toBe('Move cancelled. Email claim stays in position 3 of 3.');
  });
});

describe('movedOrder', () => {
  it('moves down and up the way dnd-kit arrayMove does', () => {
    expect(movedOrder(['a', 'b', 'c'], 'a', 'b')).toEqual(['b', 'a', 'c']);
    expect(movedOrder(['a', 'b', 'c'], 'c', 'a')).toEqual(['c', 'a', 'b']);
  });

  it('keeps the order when the target is itself or unknown', () => {
    expect(movedOrder(['a', 'b'], 'a', 'a')).toEqual(['a', 'b']);
    expect(movedOrder(['a', 'b'], 'a', 'z')).toEqual(['a', 'b']);
  });
});
