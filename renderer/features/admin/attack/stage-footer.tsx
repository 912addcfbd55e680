import { Group, Text } from '@mantine/core';
import { WriteButton } from '../shared/write-button';

export interface StageFooterProps {
  needs: readonly string[];
  isStaged: boolean;
  /** What the last "Stage" did, said in the status line. */
  notice: string | undefined;
}

/** "Stage changes" and what became of them: forms here never write, the tray does. */
export function StageFooter({ needs, isStaged, notice }: StageFooterProps) {
  return (
    <Group gap="sm">
      <WriteButton needs={needs} type="submit">
        {isStaged ? 'Update staged change' : 'Stage changes'}
      </WriteButton>
      <Text size="sm" role="status">
        {notice ?? (isStaged ? 'Staged: review and apply it under Pending changes.' : '')}
      </Text>
    </Group>
  );
}
