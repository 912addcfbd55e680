import { Badge } from '@mantine/core';

/**
 * An on/off state as a word on a badge. The word carries the meaning; the colour only repeats it. Shades 9
 * and gray 7 keep white text above 4.5:1 (Mantine's default shade 8 green or orange does not).
 */
export function StatusBadge({
  isOn,
  on,
  off,
  warn = false,
}: {
  isOn: boolean;
  on: string;
  off: string;
  warn?: boolean;
}) {
  const color = isOn ? (warn ? 'red.9' : 'teal.9') : 'gray.7';
  return (
    <Badge color={color} variant="filled" radius="sm">
      {isOn ? on : off}
    </Badge>
  );
}
