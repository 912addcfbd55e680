import { Text } from '@mantine/core';
import { useEffect } from 'react';
import { formatCountdown } from '../../components/time-format';
import { useNow } from '../../components/use-now';

/**
 * How long the pending sign-in lasts (the server's mfa_token lifetime). When it runs out, the caller is told
 * once, so the screen can return to the password rather than let the user type codes that cannot work.
 */
export function MfaDeadline({ expiresAt, onExpired }: { expiresAt: number; onExpired: () => void }) {
  const now = useNow();
  const isOver = expiresAt <= now;
  useEffect(() => {
    if (isOver) onExpired();
  }, [isOver, onExpired]);
  return (
    <Text size="sm" c="dimmed">
      This sign-in {formatCountdown(expiresAt, now).replace('expires', 'ends')}.
    </Text>
  );
}
