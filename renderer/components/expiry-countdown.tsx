import { Text } from '@mantine/core';
import { formatCountdown, formatLocalDateTime } from './time-format';
import { useNow } from './use-now';

/**
 * The access token's expiry as a local time plus a live "expires in 9 min". Kept in its own component so the
 * one-second tick re-renders only this line. Not a live region: announcing every tick would drown a screen
 * reader.
 */
export function ExpiryCountdown({ expiresAt }: { expiresAt: number }) {
  const now = useNow();
  const isExpired = expiresAt <= now;
  return (
    <span>
      <time dateTime={new Date(expiresAt).toISOString()}>{formatLocalDateTime(expiresAt)}</time>{' '}
      <Text
        component="span"
        size="sm"
        c={isExpired ? 'var(--mantine-color-error)' : 'dimmed'}
        fw={isExpired ? 600 : undefined}
      >
        ({formatCountdown(expiresAt, now)})
      </Text>
    </span>
  );
}
