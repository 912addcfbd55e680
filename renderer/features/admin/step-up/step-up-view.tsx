import { Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { AdminAccess } from '../../../../common/ipc/admin.contract';
import type { MfaStatus } from '../../../../common/ipc/mfa.contract';
import type { SessionSummary } from '../../../../common/ipc/session.schema';
import { RecoveryCodeShown } from '../../mfa/recovery-code-shown';
import { StepUpPasswordForm } from './step-up-password-form';
import { StepUpSecondFactor } from './step-up-second-factor';

export interface StepUpViewProps {
  session: SessionSummary;
  /** Why the pane asks again (admin mode ended), shown above the form. */
  notice?: string;
  onSteppedUp: (access: AdminAccess) => void;
}

type Step =
  | { kind: 'password'; notice?: string; isReturn?: boolean }
  | { kind: 'second-factor'; status: MfaStatus }
  | { kind: 'new-recovery-code'; code: string; access: AdminAccess };

/**
 * "Confirm it’s you": admin power comes from a separate, short-lived Management API token that main gets with
 * the password again (and the second factor when the server asks). The everyday session is not changed, and
 * no token reaches this window: main answers with what the token allows.
 */
export function StepUpView({ session, notice, onSteppedUp }: StepUpViewProps) {
  const [step, setStep] = useState<Step>({ kind: 'password', notice });
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <Paper withBorder shadow="sm" radius="md" p="xl" maw={480} w="100%" mx="auto">
      <Stack gap="md">
        <div>
          <Title order={2} ref={headingRef} tabIndex={-1}>
            Confirm it’s you
          </Title>
          <Text size="sm">
            Admin mode needs your password again. It gives this window admin access for a short time (at most 15
            minutes); your everyday sign-in stays as it is.
          </Text>
        </div>
        {step.kind === 'password' && (
          <StepUpPasswordForm
            session={session}
            notice={step.notice}
            shouldFocusOnMount={step.isReturn}
            onSteppedUp={onSteppedUp}
            onSecondFactor={(status) => setStep({ kind: 'second-factor', status })}
          />
        )}
        {step.kind === 'second-factor' && (
          <StepUpSecondFactor
            status={step.status}
            onSteppedUp={(access, newRecoveryCode) =>
              newRecoveryCode === undefined
                ? onSteppedUp(access)
                : setStep({ kind: 'new-recovery-code', code: newRecoveryCode, access })
            }
            onLeave={(reason) => setStep({ kind: 'password', notice: reason, isReturn: true })}
          />
        )}
        {step.kind === 'new-recovery-code' && (
          <RecoveryCodeShown code={step.code} reason="replaced" onStored={() => onSteppedUp(step.access)} />
        )}
      </Stack>
    </Paper>
  );
}
