import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppError } from '../../../../common/errors/app-error';
import type { AdminAccess } from '../../../../common/ipc/admin.contract';
import type { MfaStatus } from '../../../../common/ipc/mfa.contract';
import type { SessionSummary } from '../../../../common/ipc/session.schema';
import { adminStepUp } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';

export interface StepUpPasswordFormProps {
  session: SessionSummary;
  notice?: string;
  /** Put focus in the password field on arrival: the user came back from the second step, whose controls are gone. */
  shouldFocusOnMount?: boolean;
  onSteppedUp: (access: AdminAccess) => void;
  onSecondFactor: (status: MfaStatus) => void;
}

/** The password of the signed-in account, sent once to main for the admin token and not kept here. */
export function StepUpPasswordForm({
  session,
  notice,
  shouldFocusOnMount = false,
  onSteppedUp,
  onSecondFactor,
}: StepUpPasswordFormProps) {
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [failure, setFailure] = useState<AppError>();
  const [isSending, setSending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (shouldFocusOnMount) inputRef.current?.focus();
    // Only on arrival: later changes move focus themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password === '') {
      setFieldError('Enter your password');
      inputRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    setFailure(undefined);
    setSending(true);
    const result = await adminStepUp(session.accountId, password);
    setSending(false);
    // The field is emptied either way: the password has done its one job, or it was wrong.
    setPassword('');
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    if (result.value.status === 'mfa_required') onSecondFactor(result.value.mfa);
    else onSteppedUp(result.value.access);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {notice && (
          <Alert color="blue" variant="outline" title="Admin mode ended" role="status">
            {notice}
          </Alert>
        )}
        {failure && <ErrorCallout ref={failureRef} error={failure} />}
        <Text size="sm">
          Account: <strong>{session.username}</strong>
          {session.realm ? ` (${session.realm})` : ''}
        </Text>
        <PasswordInput
          ref={inputRef}
          label="Password"
          description="The password of the account shown above."
          value={password}
          onChange={(event) => {
            setPassword(event.currentTarget.value);
            if (event.currentTarget.value !== '') setFieldError(undefined);
          }}
          autoComplete="current-password"
          error={fieldError}
          visibilityToggleFocusable
          visibilityToggleButtonProps={{ 'aria-label': 'Show password' }}
        />
        <Button type="submit" loading={isSending}>
          Enter admin mode
        </Button>
      </Stack>
    </form>
  );
}
