import { Group, Loader, Text } from '@mantine/core';

/** Progress for anything that waits on the network, in words as well as a spinner. */
export function LoadingLine({ label }: { label: string }) {
  return (
    <Group gap="xs" role="status">
      <Loader size="xs" aria-hidden />
      <Text size="sm">{label}</Text>
    </Group>
  );
}
