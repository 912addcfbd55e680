import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A row's name that opens its detail: a real button (it changes the view, it does not navigate) styled as
 * a link, left-aligned like the text around it in a table cell.
 */
export function OpenLink({
  onOpen,
  label,
  children,
}: {
  onOpen: () => void;
  /** A fuller accessible name, when the visible text alone would be ambiguous. */
  label?: string;
  children: ReactNode;
}) {
  return (
    <Anchor component="button" type="button" size="sm" ta="start" onClick={onOpen} aria-label={label}>
      {children}
    </Anchor>
  );
}
