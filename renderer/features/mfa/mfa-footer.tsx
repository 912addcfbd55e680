import { Anchor, Button, Group } from '@mantine/core';

export interface MfaFooterProps {
  /** Which way in is showing: a device factor, or the recovery code. */
  showing: 'factor' | 'recovery';
  canUseRecoveryCode: boolean;
  /** The device factor to go back to from the recovery code, if the user has one. */
  firstFactorId: string | undefined;
  onUseRecoveryCode: () => void;
  onUseFactor: (authenticatorId: string) => void;
  onCancel: () => void;
}

/** The way out of a second step: switch between the device and the recovery code, or cancel. */
export function MfaFooter({
  showing,
  canUseRecoveryCode,
  firstFactorId,
  onUseRecoveryCode,
  onUseFactor,
  onCancel,
}: MfaFooterProps) {
  return (
    <Group justify="space-between">
      {showing === 'factor' && canUseRecoveryCode ? (
        <Anchor component="button" type="button" size="sm" onClick={onUseRecoveryCode}>
          Use a recovery code
        </Anchor>
      ) : showing === 'recovery' && firstFactorId !== undefined ? (
        <Anchor component="button" type="button" size="sm" onClick={() => onUseFactor(firstFactorId)}>
          Use my device instead
        </Anchor>
      ) : (
        <span />
      )}
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
    </Group>
  );
}
