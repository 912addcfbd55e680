import { Button, Stack, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { AppError } from '../../../common/errors/app-error';
import { ErrorCallout } from '../../components/error-callout';

export interface CodeFormProps {
  label: string;
  description?: ReactNode;
  /** The contract's rule for this code, checked before anything is sent. */
  pattern: RegExp;
  patternMessage: string;
  submitLabel: string;
  /** `one-time-code` lets the OS offer a code it just received; recovery codes are not one. */
  autoComplete?: 'one-time-code' | 'off';
  numeric?: boolean;
  /** Sends the code; resolves to the failure to show, or undefined when the step is done. */
  onSubmit: (code: string) => Promise<AppError | undefined>;
}

/**
 * One code field and its button, shared by every factor: TOTP, a code from an e-mail or SMS, a recovery code.
 * The field is emptied after a rejected code (a used code never helps twice) and focus moves to the message.
 */
export function CodeForm({
  label,
  description,
  pattern,
  patternMessage,
  submitLabel,
  autoComplete = 'one-time-code',
  numeric = false,
  onSubmit,
}: CodeFormProps) {
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [failure, setFailure] = useState<AppError>();
  const [isSending, setSending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.replace(/\s+/g, '');
    if (!pattern.test(trimmed)) {
      setFieldError(patternMessage);
      inputRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    setFailure(undefined);
    setSending(true);
    const problem = await onSubmit(trimmed);
    setSending(false);
    if (problem) {
      setCode('');
      setFailure(problem);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {failure && <ErrorCallout ref={failureRef} error={failure} />}
        <TextInput
          ref={inputRef}
          label={label}
          description={description}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          autoComplete={autoComplete}
          inputMode={numeric ? 'numeric' : 'text'}
          autoCapitalize="none"
          spellCheck={false}
          required
          withAsterisk={false}
          error={fieldError}
        />
        <Button type="submit" loading={isSending}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
