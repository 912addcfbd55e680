import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { movedOrder, sortableAnnouncements, sortableInstructions } from './sortable-words';
import classes from './sortable-list.module.css';

export interface SortableListProps<T> {
  items: readonly T[];
  getId: (item: T) => string;
  /** The item's name, for its handle ("Move <name>") and what a screen reader hears while moving it. */
  getName: (item: T) => string;
  /** Called once per drop that changes the order, with every id in the new order. */
  onReorder: (ids: string[]) => void;
  /** One row; `handle` is the drag handle (a button), to place wherever the row wants it. */
  renderItem: (item: T, handle: ReactNode) => ReactNode;
  /** The list's accessible name. */
  label: string;
  /** While true, handles are disabled (e.g. a read-only admin, or a reorder already being applied). */
  disabled?: boolean;
}

/**
 * A vertical list reordered by dragging a handle or by keyboard (focus the handle, Space, arrow keys,
 * Space), with dnd-kit's live-region announcements in plain words. The list never reorders itself: it
 * reports the new order, and the parent (a draft, a staged change) decides what the order is.
 */
export function SortableList<T>({
  items,
  getId,
  getName,
  onReorder,
  renderItem,
  label,
  disabled = false,
}: SortableListProps<T>) {
  const ids = items.map(getId);
  const names = new Map(items.map((item) => [getId(item), getName(item)]));
  const nameOf = (id: string) => names.get(id) ?? id;
  // One mutable note per list, kept across renders, for the announcements (see SortableWordsInput.drag).
  const [drag] = useState(() => ({ isFresh: false }));
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over === null || active.id === over.id) return;
    onReorder(movedOrder(ids, String(active.id), String(over.id)));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements: sortableAnnouncements({ ids, nameOf, drag }),
        screenReaderInstructions: sortableInstructions,
      }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy} disabled={disabled}>
        <ol className={classes.list} aria-label={label}>
          {items.map((item) => (
            <SortableRow key={getId(item)} id={getId(item)} name={getName(item)} disabled={disabled}>
              {(handle) => renderItem(item, handle)}
            </SortableRow>
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

function SortableRow(props: {
  id: string;
  name: string;
  disabled: boolean;
  children: (handle: ReactNode) => ReactNode;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: props.id,
    disabled: props.disabled,
  });
  const handle = (
    <ActionIcon
      ref={setActivatorNodeRef}
      variant="default"
      className={classes.handle}
      {...attributes}
      {...listeners}
      // dnd-kit's attributes give role="button" and the instructions; the name says which row moves.
      aria-label={`Move ${props.name}`}
      disabled={props.disabled}
      data-testid="sortable-handle"
    >
      <span aria-hidden>⠿</span>
    </ActionIcon>
  );
  return (
    <li
      ref={setNodeRef}
      className={classes.row}
      data-dragging={isDragging || undefined}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      {props.children(handle)}
    </li>
  );
}
