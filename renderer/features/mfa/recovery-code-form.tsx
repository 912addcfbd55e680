import type { AppError } from '../../../common/errors/app-error';
import { CodeForm } from './code-form';

/** The saved recovery code, as mfa:recover's contract takes it (8 to 64 characters, spaces ignored). */
export function RecoveryCodeForm({
  submitLabel,
  onSubmit,
}: {
  submitLabel: string;
  onSubmit: (recoveryCode: string) => Promise<AppError | undefined>;
}) {
  return (
    <CodeForm
      label="Recovery code"
      description="The code you saved when you set up your second step."
      pattern={/^\S{8,64}$/}
      patternMessage="Enter the whole recovery code"
      submitLabel={submitLabel}
      autoComplete="off"
      onSubmit={onSubmit}
    />
  );
}
