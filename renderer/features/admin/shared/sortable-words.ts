/**
 * What a screen reader hears while an item is moved (dnd-kit's `accessibility.announcements`), in plain
 * words with the item's own name and its position counted from 1. Pure, so the words are unit-tested.
 */
export interface SortableWordsInput {
  /** The ids in their order before the move began. */
  readonly ids: readonly string[];
  readonly nameOf: (id: string) => string;
  /**
   * Kept across renders by the list: dnd-kit reports the item "over" its own place right after picking it
   * up, and saying so would replace "Picked up …" before a screen reader reads it.
   */
  readonly drag: { isFresh: boolean };
}

type Id = string | number;

function position(ids: readonly string[], id: Id | undefined): number | undefined {
  if (id === undefined) return undefined;
  const index = ids.indexOf(String(id));
  return index < 0 ? undefined : index + 1;
}

export function sortableAnnouncements({ ids, nameOf, drag }: SortableWordsInput) {
  const total = ids.length;
  const name = (id: Id) => nameOf(String(id));
  return {
    onDragStart: ({ active }: { active: { id: Id } }) => {
      drag.isFresh = true;
      return (
        `Picked up ${name(active.id)}, in position ${position(ids, active.id) ?? '?'} of ${total}. ` +
        'Use the Up and Down arrow keys to move it, Space to drop it, or Escape to cancel.'
      );
    },
    onDragOver: ({ active, over }: { active: { id: Id }; over: { id: Id } | null }) => {
      const isStart = drag.isFresh && over?.id === active.id;
      drag.isFresh = false;
      if (isStart) return undefined;
      const to = position(ids, over?.id);
      return to === undefined
        ? `${name(active.id)} is not over a position.`
        : `${name(active.id)} moved to position ${to} of ${total}.`;
    },
    onDragEnd: ({ active, over }: { active: { id: Id }; over: { id: Id } | null }) => {
      const to = position(ids, over?.id);
      return to === undefined
        ? `${name(active.id)} dropped where it was.`
        : `${name(active.id)} dropped in position ${to} of ${total}.`;
    },
    onDragCancel: ({ active }: { active: { id: Id } }) =>
      `Move cancelled. ${name(active.id)} stays in position ${position(ids, active.id) ?? '?'} of ${total}.`,
  };
}

export const sortableInstructions = {
  draggable:
    'To move an item, focus its handle and press Space. Use the Up and Down arrow keys to move it, then press ' +
    'Space again to drop it, or Escape to cancel. With a mouse, drag the handle.',
};

/** The order after moving the item with `activeId` onto the place of `overId` (dnd-kit's arrayMove). */
export function movedOrder(ids: readonly string[], activeId: string, overId: string): string[] {
  const from = ids.indexOf(activeId);
  const to = ids.indexOf(overId);
  if (from < 0 || to < 0 || from === to) return [...ids];
  const next = [...ids];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}
