import { Code, Group, Stack, Text } from '@mantine/core';
import { isTimeClaim } from '../../common/claims/claim-descriptions';
import { claimTimeToEpochMs, formatLocalDateTime } from './time-format';
import classes from './claims-table.module.css';

export interface ClaimValueProps {
  name: string;
  value: unknown;
}

function Chips({ items }: { items: readonly string[] }) {
  return (
    <Group gap={4} component="span" className={classes.chips}>
      {items.map((item, index) => (
        <Code key={`${index}-${item}`}>{item}</Code>
      ))}
    </Group>
  );
}

/** One claim's value, made readable: times as local dates beside the raw number, lists as chips, JSON as JSON. */
export function ClaimValue({ name, value }: ClaimValueProps) {
  const epochMs = isTimeClaim(name) ? claimTimeToEpochMs(value) : undefined;
  if (epochMs !== undefined) {
    return (
      <Stack gap={2}>
        <time dateTime={new Date(epochMs).toISOString()}>{formatLocalDateTime(epochMs)}</time>
        <Code className={classes.raw}>{String(value)}</Code>
      </Stack>
    );
  }
  // `scope` is one space-separated string (RFC 6749 §3.3); one chip per permission reads better.
  if (name === 'scope' && typeof value === 'string') return <Chips items={value.split(' ').filter(Boolean)} />;
  if (typeof value === 'string')
    return (
      <Text size="sm" className={classes.text}>
        {value}
      </Text>
    );
  if (Array.isArray(value) && value.length === 0) {
    // An empty list is an answer (no roles, say), not a missing value: say so rather than show nothing.
    return (
      <Text size="sm" c="dimmed">
        (empty list)
      </Text>
    );
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return <Chips items={value} />;
  if (value !== null && typeof value === 'object') {
    return (
      <Code block className={classes.json}>
        {JSON.stringify(value, null, 2)}
      </Code>
    );
  }
  return <Code>{JSON.stringify(value)}</Code>;
}
