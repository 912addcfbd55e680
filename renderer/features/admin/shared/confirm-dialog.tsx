import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ConfirmDialogProps {
  isOpen: boolean;
  title: string;
  /** Exactly what will change, in words. */
  children: ReactNode;
  confirmLabel: string;
  isBusy?: boolean;
  /** The confirm button stays disabled until the dialog's own check passes (a typed name). */
  isConfirmBlocked?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before a destructive admin action. Focus starts on "Cancel", so pressing Enter by habit does not
 * delete anything; Mantine's Modal traps focus and returns it to the opener when it closes.
 */
export function ConfirmDialog({
  isOpen,
  title,
  children,
  confirmLabel,
  isBusy,
  isConfirmBlocked = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <Modal opened={isOpen} onClose={onCancel} title={title} centered closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack gap="md">
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>
            Cancel
          </Button>
          <Button color="red.9" onClick={onConfirm} loading={isBusy} disabled={isConfirmBlocked}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
