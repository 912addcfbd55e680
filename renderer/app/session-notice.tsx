import { Alert } from '@mantine/core';
import { useEffect, useRef } from 'react';

/**
 * News from main about the session that is not an error: a clock-skew warning, a sign-in kept in memory
 * only. It shows over whatever screen is up, takes focus once so a screen reader hears it, and can be closed.
 */
export function SessionNotice({ text, onDismiss }: { text: string; onDismiss: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [text]);
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      role="status"
      color="blue"
      variant="outline"
      title="Please note"
      withCloseButton
      closeButtonLabel="Dismiss this note"
      onClose={onDismiss}
      mb="md"
      w="100%"
    >
      {text}
    </Alert>
  );
}
