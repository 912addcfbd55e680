import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';

export interface DisclosureButtonProps {
  isOpen: boolean;
  /** The id of the element this button shows and hides. */
  controls: string;
  onToggle: () => void;
  children: ReactNode;
}

/**
 * A link-styled button that shows or hides a section (the WAI-ARIA disclosure pattern): one name in both
 * states, the state in aria-expanded, and a triangle that only sighted users need.
 */
export function DisclosureButton({ isOpen, controls, onToggle, children }: DisclosureButtonProps) {
  return (
    <Anchor
      component="button"
      type="button"
      size="sm"
      underline="always"
      aria-expanded={isOpen}
      aria-controls={controls}
      onClick={onToggle}
    >
      <span aria-hidden>{isOpen ? '▾ ' : '▸ '}</span>
      {children}
    </Anchor>
  );
}
