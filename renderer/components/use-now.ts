import { useInterval } from '@mantine/hooks';
import { useState } from 'react';

/** The current time in epoch ms, re-read every `intervalMs` (Mantine's interval), for live countdowns. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(Date.now);
  useInterval(() => setNow(Date.now()), intervalMs, { autoInvoke: true });
  return now;
}
