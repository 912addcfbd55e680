import { useEffect, useRef } from 'react';
import type { AppError } from '../../../../common/errors/app-error';
import { ErrorCallout } from '../../../components/error-callout';

/**
 * An ErrorCallout for a failure the admin just caused (a write): focus moves to it each time a new failure
 * arrives, so a screen reader says what went wrong without the user hunting for it.
 */
export function FocusedError({ error }: { error: AppError }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [error]);
  return <ErrorCallout ref={ref} error={error} />;
}
