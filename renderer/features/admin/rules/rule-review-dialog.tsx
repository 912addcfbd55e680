import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { LineDiffView } from '../shared/line-diff-view';

export interface RuleReviewDialogProps {
  isOpen: boolean;
  ruleName: string;
  live: { name: string; script: string };
  draft: { name: string; script: string };
  onStage: () => void;
  onCancel: () => void;
}

/**
 * "Save" first shows what would change against the script the tenant runs now, line by line; only then is
 * the change staged (the tenant changes when it is applied from Pending changes).
 */
export function RuleReviewDialog({ isOpen, ruleName, live, draft, onStage, onCancel }: RuleReviewDialogProps) {
  return (
    <Modal
      opened={isOpen}
      onClose={onCancel}
      title={`Review the change to “${ruleName}”`}
      size="xl"
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="md">
        {draft.name !== live.name && (
          <Text size="sm">
            Name: <del>{live.name}</del> → <Code>{draft.name}</Code>
          </Text>
        )}
        <Text size="sm">Lines marked − are in the live script; lines marked + are in your draft.</Text>
        <LineDiffView
          before={live.script}
          after={draft.script}
          label={`Script changes to “${ruleName}”: − live script, + your draft`}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Keep editing
          </Button>
          <Button onClick={onStage} data-autofocus>
            Stage change
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
