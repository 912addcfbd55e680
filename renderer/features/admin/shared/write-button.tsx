import { Button, Group, Text, type ButtonProps } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useAdminSession } from '../admin-session';

export interface WriteButtonProps extends Omit<ButtonProps, 'children' | 'disabled'> {
  /** The scopes the server accepts for this write (any one of them). */
  needs: readonly string[];
  onClick?: () => void;
  type?: 'button' | 'submit';
  children: ReactNode;
  /** Disabled for a reason of the screen's own (an empty form), on top of the scope check. */
  isBlocked?: boolean;
}

/**
 * A button that changes the tenant. When the step-up lacks the scope, it is disabled and says why in words
 * next to it (tied with aria-describedby), rather than failing with a 403 after a click. The server still
 * decides: a 403 it sends anyway is shown by the screen's ErrorCallout.
 */
export function WriteButton({ needs, isBlocked = false, children, type = 'button', ...rest }: WriteButtonProps) {
  const { can } = useAdminSession();
  const reasonId = useId();
  if (can(needs)) {
    return (
      <Button type={type} disabled={isBlocked} {...rest}>
        {children}
      </Button>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <Button type={type} disabled aria-describedby={reasonId} {...rest}>
        {children}
      </Button>
      <Text component="span" size="xs" c="dimmed" id={reasonId}>
        Read-only: needs {needs.join(' or ')}
      </Text>
    </Group>
  );
}
