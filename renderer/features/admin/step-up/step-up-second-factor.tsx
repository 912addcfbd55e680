import { Stack, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { AppError } from '../../../../common/errors/app-error';
import type { AdminAccess, StepUpFactor } from '../../../../common/ipc/admin.contract';
import type { MfaStatus } from '../../../../common/ipc/mfa.contract';
import { adminStepUpCancel, adminStepUpVerify } from '../../../api/gatehouse';
import { FactorChoice } from '../../mfa/factor-choice';
import { hasRecoveryCode, usableFactors } from '../../mfa/factor-words';
import { MfaDeadline } from '../../mfa/mfa-deadline';
import { MfaFooter } from '../../mfa/mfa-footer';
import { OtpCodeForm } from '../../mfa/otp-code-form';
import { RecoveryCodeForm } from '../../mfa/recovery-code-form';
import { StepUpOob } from './step-up-oob';

export interface StepUpSecondFactorProps {
  status: MfaStatus;
  onSteppedUp: (access: AdminAccess, newRecoveryCode?: string) => void;
  /** Back to the password, with the reason when the step-up ended by itself. */
  onLeave: (reason?: string) => void;
}

type Mode = { kind: 'factor'; authenticatorId: string } | { kind: 'recovery' };

const expired = 'The second step took too long, so admin mode was not started. Enter your password again.';

/**
 * The second factor of a step-up, as at sign-in: the same code forms, but completing `admin:stepUpVerify`
 * (main keeps the mfa_token under the transaction id). Enrolment is not offered here: an admin without a
 * factor sets one up at an ordinary sign-in.
 */
export function StepUpSecondFactor({ status, onSteppedUp, onLeave }: StepUpSecondFactorProps) {
  const factors = usableFactors(status.authenticators);
  const [mode, setMode] = useState<Mode>(() =>
    factors[0] ? { kind: 'factor', authenticatorId: factors[0].id } : { kind: 'recovery' },
  );
  const { transactionId } = status;
  const expire = useCallback(() => onLeave(expired), [onLeave]);

  const verify = async (factor: StepUpFactor): Promise<AppError | undefined> => {
    const result = await adminStepUpVerify({ transactionId, factor });
    if (result.ok) {
      onSteppedUp(result.value.access, result.value.newRecoveryCode);
      return undefined;
    }
    if (result.error.code === 'mfa_expired') {
      expire();
      return undefined;
    }
    return result.error;
  };

  const cancel = async () => {
    await adminStepUpCancel(transactionId);
    onLeave();
  };

  const chosen = mode.kind === 'factor' ? factors.find((item) => item.id === mode.authenticatorId) : undefined;

  return (
    <Stack gap="md">
      <MfaDeadline expiresAt={status.expiresAt} onExpired={expire} />
      {factors.length === 0 && !hasRecoveryCode(status.authenticators) && (
        <Text size="sm">
          Your account needs a second factor for admin mode, but none is set up. Sign out, sign in again to set one up,
          then come back.
        </Text>
      )}
      {mode.kind === 'factor' && (
        <FactorChoice
          factors={factors}
          value={mode.authenticatorId}
          onChange={(authenticatorId) => setMode({ kind: 'factor', authenticatorId })}
        />
      )}
      {chosen?.type === 'otp' && <OtpCodeForm key={chosen.id} onSubmit={(otp) => verify({ type: 'otp', otp })} />}
      {chosen?.type === 'oob' && (
        <StepUpOob
          key={chosen.id}
          transactionId={transactionId}
          authenticator={chosen}
          onVerify={(bindingCode) => verify({ type: 'oob', ...(bindingCode === undefined ? {} : { bindingCode }) })}
        />
      )}
      {mode.kind === 'recovery' && hasRecoveryCode(status.authenticators) && (
        <RecoveryCodeForm
          submitLabel="Verify with recovery code"
          onSubmit={(recoveryCode) => verify({ type: 'recovery', recoveryCode })}
        />
      )}
      <MfaFooter
        showing={mode.kind}
        canUseRecoveryCode={hasRecoveryCode(status.authenticators)}
        firstFactorId={factors[0]?.id}
        onUseRecoveryCode={() => setMode({ kind: 'recovery' })}
        onUseFactor={(authenticatorId) => setMode({ kind: 'factor', authenticatorId })}
        onCancel={cancel}
      />
    </Stack>
  );
}
