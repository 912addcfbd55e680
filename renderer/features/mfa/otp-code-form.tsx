import type { AppError } from '../../../common/errors/app-error';
import { CodeForm } from './code-form';

/** The six digits an authenticator app shows now (RFC 6238), as mfa:verifyOtp's contract requires. */
export function OtpCodeForm({ onSubmit }: { onSubmit: (otp: string) => Promise<AppError | undefined> }) {
  return (
    <CodeForm
      label="Code from your authenticator app"
      description="Six digits. A new code appears every 30 seconds."
      pattern={/^\d{6}$/}
      patternMessage="Enter the six digits the app shows"
      submitLabel="Verify"
      numeric
      onSubmit={onSubmit}
    />
  );
}
