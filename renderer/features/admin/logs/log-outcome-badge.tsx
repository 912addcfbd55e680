import { Badge } from '@mantine/core';
import type { LogOutcome } from './log-event-words';

const look: Record<LogOutcome, { color: string; words: string }> = {
  success: { color: 'teal.9', words: 'Success' },
  failure: { color: 'red.9', words: 'Failure' },
  // Yellow with dark text (autoContrast): every orange shade with white text stays under 4.5:1.
  warning: { color: 'yellow.4', words: 'Warning' },
  info: { color: 'gray.7', words: 'Info' },
};

/** Success, failure, warning or info: the word says it; the colour only repeats it. */
export function LogOutcomeBadge({ outcome }: { outcome: LogOutcome }) {
  return (
    <Badge color={look[outcome].color} variant="filled" radius="sm" autoContrast>
      {look[outcome].words}
    </Badge>
  );
}
