import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Profile } from '../../../common/settings/profile.schema';

export interface RemoveProfileModalProps {
  /** The profile to remove; null keeps the dialog closed. */
  profile: Profile | null;
  isRemoving: boolean;
  onConfirm: (profile: Profile) => void;
  onCancel: () => void;
}

/** Asks before a server profile goes: it names the profile, and Cancel has the focus so Enter is harmless. */
export function RemoveProfileModal({ profile, isRemoving, onConfirm, onCancel }: RemoveProfileModalProps) {
  return (
    <Modal
      opened={profile !== null}
      onClose={onCancel}
      title={`Remove “${profile?.name ?? ''}”?`}
      closeButtonProps={{ 'aria-label': 'Close without removing' }}
      centered
    >
      <Stack gap="md">
        <Text size="sm">
          Gatehouse signs out every account on this server ({profile?.issuer}), then forgets the server and the client
          secret it keeps for it in the keychain. You can add it again later.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>
            Cancel
          </Button>
          <Button color="red.9" loading={isRemoving} onClick={() => profile && onConfirm(profile)}>
            Remove {profile?.name}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
