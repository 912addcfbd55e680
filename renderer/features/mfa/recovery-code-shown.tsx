import { Alert, Button, Checkbox, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';

export interface RecoveryCodeShownProps {
  code: string;
  /** Why the user sees it: a first enrolment, or a used code that was replaced. */
  reason: 'enrolled' | 'replaced';
  /** Continue, once the user says the code is stored. Omitted when a form below carries on instead. */
  onStored?: () => void;
  /** Told when the "I stored it" box changes, for a form below that waits for it (enrolment). */
  onStoredChange?: (isStored: boolean) => void;
}

/**
 * A recovery code is shown once and never again (main does not keep it), so the user confirms they stored
 * it before the screen moves on.
 */
export function RecoveryCodeShown({ code, reason, onStored, onStoredChange }: RecoveryCodeShownProps) {
  const [isStored, setStored] = useState(false);
  return (
    <Alert color="blue" variant="outline" title="Save your recovery code" role="status">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {reason === 'replaced'
            ? 'The code you used is spent. This is your new recovery code.'
            : 'If you lose your device, this code signs you in once.'}{' '}
          It will not be shown again.
        </Text>
        <Group gap="xs" align="center">
          <Code block fz="md" aria-label="Recovery code">
            {code}
          </Code>
          <CopyButton value={code}>
            {({ copied, copy }) => (
              <Button variant="default" size="xs" onClick={copy} aria-live="polite">
                {copied ? 'Copied' : 'Copy code'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Checkbox
          label="I stored this code somewhere safe"
          checked={isStored}
          onChange={(event) => {
            setStored(event.currentTarget.checked);
            onStoredChange?.(event.currentTarget.checked);
          }}
        />
        {onStored && (
          <Button onClick={onStored} disabled={!isStored}>
            Continue
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
