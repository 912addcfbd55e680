import { Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../common/errors/app-error';
import type { MfaStatus } from '../../../common/ipc/mfa.contract';
import type { SessionSummary } from '../../../common/ipc/session.schema';
import { mfaCancel, mfaRecover, mfaVerifyOtp } from '../../api/gatehouse';
import { EnrolFactor } from './enrol-factor';
import { FactorChoice } from './factor-choice';
import { hasRecoveryCode, usableFactors } from './factor-words';
import { MfaDeadline } from './mfa-deadline';
import { MfaFooter } from './mfa-footer';
import { OobFactor } from './oob-factor';
import { OtpCodeForm } from './otp-code-form';
import { RecoveryCodeForm } from './recovery-code-form';
import { RecoveryCodeShown } from './recovery-code-shown';

export interface MfaViewProps {
  status: MfaStatus;
  onSignedIn: (session: SessionSummary) => void;
  /** Back to the password: the user cancelled, or the pending sign-in ended (`notice` says why). */
  onLeave: (notice?: string) => void;
}

type Mode =
  | { kind: 'factor'; authenticatorId: string }
  | { kind: 'enrol' }
  | { kind: 'recovery' }
  | { kind: 'replaced-code'; code: string; session: SessionSummary };

const expiredNotice = 'The second step took too long, so the sign-in was cancelled. Enter your password again.';

/**
 * The second step of a sign-in, completed inside the app. Main holds the mfa_token; this screen only sees
 * the transaction id, the user's factors and the deadline. A factor that exists is used; without one, the
 * user enrols first. A recovery code is the way out when the device is lost.
 */
export function MfaView({ status, onSignedIn, onLeave }: MfaViewProps) {
  const factors = usableFactors(status.authenticators);
  const [mode, setMode] = useState<Mode>(() =>
    factors[0] ? { kind: 'factor', authenticatorId: factors[0].id } : { kind: 'enrol' },
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { transactionId } = status;

  useEffect(() => headingRef.current?.focus(), []);

  const expire = useCallback(() => onLeave(expiredNotice), [onLeave]);
  /** A pending sign-in that ended can't be rescued here: go back. Anything else is shown where it happened. */
  const onFailure = (error: AppError): AppError | undefined => {
    if (error.code === 'mfa_expired') {
      expire();
      return undefined;
    }
    return error;
  };

  const cancel = async () => {
    await mfaCancel(transactionId);
    onLeave();
  };

  const chosen = mode.kind === 'factor' ? factors.find((item) => item.id === mode.authenticatorId) : undefined;

  return (
    <Paper component="main" withBorder shadow="sm" radius="md" p="xl" w="100%" maw={460}>
      <Stack gap="md">
        <div>
          <Title order={1} ref={headingRef} tabIndex={-1}>
            Verify it’s you
          </Title>
          <Text size="sm" c="dimmed">
            Signing in as {status.username}
            {status.realm ? ` (${status.realm})` : ''}
          </Text>
        </div>
        <MfaDeadline expiresAt={status.expiresAt} onExpired={expire} />

        {mode.kind === 'factor' && (
          <FactorChoice
            factors={factors}
            value={mode.authenticatorId}
            onChange={(authenticatorId) => setMode({ kind: 'factor', authenticatorId })}
          />
        )}

        {chosen?.type === 'otp' && (
          <OtpCodeForm
            key={chosen.id}
            onSubmit={async (otp) => {
              const result = await mfaVerifyOtp(transactionId, otp);
              if (result.ok) onSignedIn(result.value);
              return result.ok ? undefined : onFailure(result.error);
            }}
          />
        )}
        {chosen?.type === 'oob' && (
          <OobFactor
            key={chosen.id}
            transactionId={transactionId}
            authenticator={chosen}
            onVerified={onSignedIn}
            onFailure={onFailure}
          />
        )}
        {mode.kind === 'enrol' && (
          <EnrolFactor transactionId={transactionId} onVerified={onSignedIn} onFailure={onFailure} />
        )}
        {mode.kind === 'recovery' && (
          <RecoveryCodeForm
            submitLabel="Sign in with recovery code"
            onSubmit={async (recoveryCode) => {
              const result = await mfaRecover(transactionId, recoveryCode);
              if (!result.ok) return onFailure(result.error);
              const { session, newRecoveryCode } = result.value;
              if (newRecoveryCode) setMode({ kind: 'replaced-code', code: newRecoveryCode, session });
              else onSignedIn(session);
              return undefined;
            }}
          />
        )}
        {mode.kind === 'replaced-code' && (
          <RecoveryCodeShown code={mode.code} reason="replaced" onStored={() => onSignedIn(mode.session)} />
        )}

        {mode.kind !== 'replaced-code' && (
          <MfaFooter
            showing={mode.kind === 'recovery' ? 'recovery' : 'factor'}
            canUseRecoveryCode={mode.kind === 'factor' && hasRecoveryCode(status.authenticators)}
            firstFactorId={factors[0]?.id}
            onUseRecoveryCode={() => setMode({ kind: 'recovery' })}
            onUseFactor={(authenticatorId) => setMode({ kind: 'factor', authenticatorId })}
            onCancel={cancel}
          />
        )}
      </Stack>
    </Paper>
  );
}
