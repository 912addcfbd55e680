import { Button, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { AppError } from '../../../common/errors/app-error';
import type { MfaAuthenticatorView } from '../../../common/ipc/mfa.contract';
import type { SessionSummary } from '../../../common/ipc/session.schema';
import { mfaChallenge, mfaVerifyOob } from '../../api/gatehouse';
import { ErrorCallout } from '../../components/error-callout';
import { CodeForm } from './code-form';
import { channelWords } from './factor-words';

export interface OobFactorProps {
  transactionId: string;
  authenticator: MfaAuthenticatorView;
  onVerified: (session: SessionSummary) => void;
  onFailure: (error: AppError) => AppError | undefined;
}

type Phase = { kind: 'ready' } | { kind: 'code' } | { kind: 'push' };

/**
 * An out-of-band factor: ask the server to send a code (e-mail, SMS) and type it in, or, when the challenge
 * has no binding code (push), wait while main polls with the server's pace (authorization_pending, slow_down).
 */
export function OobFactor({ transactionId, authenticator, onVerified, onFailure }: OobFactorProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'ready' });
  const [failure, setFailure] = useState<AppError>();
  const [isBusy, setBusy] = useState(false);
  const words = channelWords(authenticator.oobChannel);

  const verify = async (bindingCode?: string): Promise<AppError | undefined> => {
    const result = await mfaVerifyOob(transactionId, bindingCode);
    if (result.ok) {
      onVerified(result.value);
      return undefined;
    }
    return onFailure(result.error);
  };

  const send = async () => {
    setFailure(undefined);
    setBusy(true);
    const challenge = await mfaChallenge(transactionId, authenticator.id);
    setBusy(false);
    if (!challenge.ok) {
      setFailure(onFailure(challenge.error));
      return;
    }
    if (challenge.value.bindingMethod === 'prompt') {
      setPhase({ kind: 'code' });
      return;
    }
    setPhase({ kind: 'push' });
    const problem = await verify();
    if (problem) {
      setPhase({ kind: 'ready' });
      setFailure(problem);
    }
  };

  if (phase.kind === 'code') {
    return (
      <CodeForm
        label={`Code from the ${words.message}`}
        description={`We sent it ${words.where}. It may take a minute to arrive.`}
        pattern={/^\S{4,20}$/}
        patternMessage="Enter the code from the message"
        submitLabel="Verify"
        numeric
        onSubmit={(code) => verify(code)}
      />
    );
  }
  if (phase.kind === 'push') {
    return (
      <Stack gap="xs" align="flex-start" role="status">
        <Loader size="sm" aria-hidden />
        <Text size="sm">Approve the sign-in on your device. This screen moves on by itself.</Text>
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      {failure && <ErrorCallout error={failure} />}
      <Text size="sm">{words.offer}</Text>
      <Button onClick={send} loading={isBusy}>
        {words.send}
      </Button>
    </Stack>
  );
}
