import { Alert, Code, Stack, Text } from '@mantine/core';
import { DisclosureButton } from './disclosure-button';
import { useId, useState, type Ref } from 'react';
import type { AppError } from '../../common/errors/app-error';
import classes from './error-callout.module.css';
import { errorTitle } from './error-title';

export interface ErrorCalloutProps {
  error: AppError;
  /** Lets the caller move focus here after a failure, so screen readers read it at once. */
  ref?: Ref<HTMLDivElement>;
}

/**
 * What went wrong in plain words, what to do next, and the raw server answer one click away for support
 * staff. Rendered as role="alert" (Mantine's Alert default).
 */
export function ErrorCallout({ error, ref }: ErrorCalloutProps) {
  const [isOpen, setOpen] = useState(false);
  const detailsId = useId();
  const { status, error: serverError, errorDescription } = error.detail ?? {};

  return (
    <Alert ref={ref} tabIndex={-1} color="red" variant="outline" title={errorTitle(error.code)}>
      <Stack gap={6} align="flex-start">
        <Text size="sm">{error.message}</Text>
        {error.nextStep && <Text size="sm">{error.nextStep}</Text>}
        {/* A link-styled button: plain text colour on any background, so it keeps its contrast when hovered. */}
        <DisclosureButton isOpen={isOpen} controls={detailsId} onToggle={() => setOpen((open) => !open)}>
          Show details
        </DisclosureButton>
        <dl id={detailsId} hidden={!isOpen} className={classes.details}>
          <dt>Error code</dt>
          <dd>
            <Code>{error.code}</Code>
          </dd>
          {status !== undefined && (
            <>
              <dt>HTTP status</dt>
              <dd>
                <Code>{status}</Code>
              </dd>
            </>
          )}
          {serverError !== undefined && (
            <>
              <dt>error</dt>
              <dd>
                <Code>{serverError}</Code>
              </dd>
            </>
          )}
          {errorDescription !== undefined && (
            <>
              <dt>error_description</dt>
              <dd>
                <Code>{errorDescription}</Code>
              </dd>
            </>
          )}
          {!error.detail && (
            <>
              <dt>Server answer</dt>
              <dd>None: this error did not come from the server.</dd>
            </>
          )}
        </dl>
      </Stack>
    </Alert>
  );
}
