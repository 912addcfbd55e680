import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { AppError } from '../../../../common/errors/app-error';
import type { MfaAuthenticatorView } from '../../../../common/ipc/mfa.contract';
import { adminStepUpChallenge } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { LoadingLine } from '../shared/loading-line';
import { CodeForm } from '../../mfa/code-form';
import { channelWords } from '../../mfa/factor-words';

export interface StepUpOobProps {
  transactionId: string;
  authenticator: MfaAuthenticatorView;
  /** Completes the step-up: with the code the user typed, or without one to wait for a push approval. */
  onVerify: (bindingCode?: string) => Promise<AppError | undefined>;
}

type Phase = 'ready' | 'code' | 'push';

/** An out-of-band factor for the step-up: have the server send a code (or a push) and finish with it. */
export function StepUpOob({ transactionId, authenticator, onVerify }: StepUpOobProps) {
  const [phase, setPhase] = useState<Phase>('ready');
  const [failure, setFailure] = useState<AppError>();
  const [isBusy, setBusy] = useState(false);
  const words = channelWords(authenticator.oobChannel);

  const send = async () => {
    setFailure(undefined);
    setBusy(true);
    const challenge = await adminStepUpChallenge(transactionId, authenticator.id);
    setBusy(false);
    if (!challenge.ok) {
      setFailure(challenge.error);
      return;
    }
    if (challenge.value.bindingMethod === 'prompt') {
      setPhase('code');
      return;
    }
    setPhase('push');
    const problem = await onVerify();
    if (problem) {
      setPhase('ready');
      setFailure(problem);
    }
  };

  if (phase === 'code') {
    return (
      <CodeForm
        label={`Code from the ${words.message}`}
        pattern={/^\S{1,20}$/}
        patternMessage="Enter the code you received"
        submitLabel="Verify"
        onSubmit={(code) => onVerify(code)}
      />
    );
  }
  return (
    <Stack gap="sm" align="flex-start">
      {failure && <ErrorCallout error={failure} />}
      {phase === 'push' ? (
        <LoadingLine label={`Waiting for you to approve the request ${words.where}…`} />
      ) : (
        <>
          <Text size="sm">{words.offer}</Text>
          <Button onClick={send} loading={isBusy}>
            {words.send}
          </Button>
        </>
      )}
    </Stack>
  );
}
