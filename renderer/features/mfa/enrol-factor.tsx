import { Button, Code, Image, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { AppError } from '../../../common/errors/app-error';
import type { MfaEnrolment } from '../../../common/ipc/mfa.contract';
import type { SessionSummary } from '../../../common/ipc/session.schema';
import { mfaEnrol, mfaVerifyOob, mfaVerifyOtp } from '../../api/gatehouse';
import { ErrorCallout } from '../../components/error-callout';
import { CodeForm } from './code-form';
import { channelWords } from './factor-words';
import { OtpCodeForm } from './otp-code-form';
import { RecoveryCodeShown } from './recovery-code-shown';

export interface EnrolFactorProps {
  transactionId: string;
  onVerified: (session: SessionSummary) => void;
  onFailure: (error: AppError) => AppError | undefined;
}

type Kind = 'otp' | 'email' | 'sms';

/**
 * First-time set-up, when the tenant asks for a second factor the user does not have yet: an authenticator
 * app (QR code and the key to type by hand), or a code by e-mail or SMS. Enrolment finishes with the first
 * code, which also completes the sign-in.
 */
export function EnrolFactor({ transactionId, onVerified, onFailure }: EnrolFactorProps) {
  const [kind, setKind] = useState<Kind>('otp');
  const [address, setAddress] = useState('');
  const [enrolment, setEnrolment] = useState<MfaEnrolment>();
  const [failure, setFailure] = useState<AppError>();
  const [isBusy, setBusy] = useState(false);
  const [isRecoveryStored, setRecoveryStored] = useState(false);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    setBusy(true);
    const result = await mfaEnrol(
      kind === 'otp'
        ? { transactionId, type: 'otp' }
        : kind === 'email'
          ? { transactionId, type: 'oob', channel: 'email', email: address.trim() }
          : { transactionId, type: 'oob', channel: 'sms', phoneNumber: address.trim() },
    );
    setBusy(false);
    if (result.ok) setEnrolment(result.value);
    else setFailure(onFailure(result.error));
  };

  const finish = async (verify: Promise<Awaited<ReturnType<typeof mfaVerifyOtp>>>) => {
    const result = await verify;
    if (result.ok) {
      onVerified(result.value);
      return undefined;
    }
    return onFailure(result.error);
  };

  if (enrolment) {
    const recovery = enrolment.recoveryCodes?.[0];
    return (
      <Stack gap="md">
        {enrolment.type === 'otp' ? (
          <Stack gap="xs">
            <Text size="sm">Scan this code with your authenticator app, then type the six digits it shows.</Text>
            {enrolment.qrCodeDataUrl && (
              <Image src={enrolment.qrCodeDataUrl} w={180} h={180} alt="QR code to add Gatehouse to your app" />
            )}
            {enrolment.manualEntryKey && (
              <Text size="sm">
                Can’t scan? Enter this key: <Code>{enrolment.manualEntryKey}</Code>
              </Text>
            )}
          </Stack>
        ) : null}
        {recovery && <RecoveryCodeShown code={recovery} reason="enrolled" onStoredChange={setRecoveryStored} />}
        {/* The code is shown once: finishing is offered only after the user says it is stored. */}
        {recovery !== undefined && !isRecoveryStored ? null : enrolment.type === 'otp' ? (
          <OtpCodeForm onSubmit={(otp) => finish(mfaVerifyOtp(transactionId, otp))} />
        ) : (
          <CodeForm
            label={`Code from the ${channelWords(enrolment.oobChannel).message}`}
            pattern={/^\S{4,20}$/}
            patternMessage="Enter the code from the message"
            submitLabel="Verify"
            numeric
            onSubmit={(code) => finish(mfaVerifyOob(transactionId, code))}
          />
        )}
      </Stack>
    );
  }

  return (
    <form onSubmit={start} noValidate>
      <Stack gap="sm">
        {failure && <ErrorCallout error={failure} />}
        <Text size="sm">Your organisation asks for a second step at sign-in. Choose how to receive codes.</Text>
        <Radio.Group label="Set up" value={kind} onChange={(value) => setKind(value as Kind)}>
          <Stack gap={6} mt={6}>
            <Radio value="otp" label="Authenticator app (recommended)" />
            <Radio value="email" label="E-mail" />
            <Radio value="sms" label="Text message" />
          </Stack>
        </Radio.Group>
        {kind !== 'otp' && (
          <TextInput
            label={kind === 'email' ? 'E-mail address' : 'Mobile number'}
            description={kind === 'sms' ? 'With the country code, like +15551234567' : undefined}
            type={kind === 'email' ? 'email' : 'tel'}
            autoComplete={kind === 'email' ? 'email' : 'tel'}
            value={address}
            onChange={(event) => setAddress(event.currentTarget.value)}
          />
        )}
        <Button type="submit" loading={isBusy}>
          Continue
        </Button>
      </Stack>
    </form>
  );
}
