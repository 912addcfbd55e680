import { Stack } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppError } from '../../../common/errors/app-error';
import type { AdminAccess } from '../../../common/ipc/admin.contract';
import type { SessionSummary } from '../../../common/ipc/session.schema';
import { adminAccess, adminStepDown } from '../../api/gatehouse';
import { ErrorCallout } from '../../components/error-callout';
import { AdminModeBar } from './admin-mode-bar';
import { AdminSections } from './admin-sections';
import { AdminSessionContext, type AdminSession } from './admin-session';
import { hasAnyScope } from './scopes';
import { LoadingLine } from './shared/loading-line';
import { PendingChangesTray } from './staging/pending-changes-tray';
import { StagingProvider } from './staging/staging-provider';
import { StepUpView } from './step-up/step-up-view';

type View =
  | { kind: 'checking' }
  | { kind: 'step-up'; notice?: string }
  | { kind: 'ready'; access: AdminAccess }
  | { kind: 'unavailable'; error: AppError };

const endedNotice =
  'Your admin access ended (it expired, or the server stopped accepting it). Enter your password to continue.';
const expiredNotice = 'Admin access lasts a short time and has now ended. Enter your password to continue.';
const leftNotice = 'You left admin mode. Your everyday sign-in is unchanged.';

/**
 * The admin pane: "Confirm it’s you" until main holds a step-up for this account, then the sections, under
 * an admin session that every screen reads (scopes) and reports to (an ended step-up brings the form back).
 */
export function AdminPane({ session }: { session: SessionSummary }) {
  const [view, setView] = useState<View>({ kind: 'checking' });
  const [isLeaving, setLeaving] = useState(false);
  const [leaveFailure, setLeaveFailure] = useState<AppError>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { accountId } = session;

  // Several screens may report the same ended step-up at once: the first one switches, the rest change nothing
  // (so a form the admin has started typing in is not reset).
  const askAgain = useCallback(
    (notice?: string) =>
      setView((current) =>
        current.kind === 'step-up' ? current : { kind: 'step-up', ...(notice === undefined ? {} : { notice }) },
      ),
    [],
  );

  // Opening the pane: a step-up main already holds for this account (say, from before a tab switch) is reused.
  useEffect(() => {
    let isCurrent = true;
    void adminAccess().then((result) => {
      if (!isCurrent) return;
      if (result.ok && result.value.accountId === accountId) setView({ kind: 'ready', access: result.value });
      else if (result.ok || result.error.code === 'admin_step_up_required') setView({ kind: 'step-up' });
      else setView({ kind: 'unavailable', error: result.error });
    });
    return () => {
      isCurrent = false;
    };
  }, [accountId]);

  // Main drops the step-up when its token expires; go back to the form at that moment, not at the next click.
  const expiresAt = view.kind === 'ready' ? view.access.expiresAt : undefined;
  useEffect(() => {
    if (expiresAt === undefined) return;
    const timer = window.setTimeout(() => askAgain(expiredNotice), Math.max(0, expiresAt - Date.now()));
    return () => window.clearTimeout(timer);
  }, [expiresAt, askAgain]);

  useEffect(() => {
    if (view.kind === 'ready') headingRef.current?.focus();
  }, [view.kind]);

  const noteFailure = useCallback(
    (error: AppError) => {
      if (error.code === 'admin_step_up_required') askAgain(endedNotice);
    },
    [askAgain],
  );

  const adminSession = useMemo<AdminSession | null>(
    () =>
      view.kind === 'ready'
        ? {
            access: view.access,
            can: (needs) => hasAnyScope(view.access.scopes, needs),
            noteFailure,
          }
        : null,
    [view, noteFailure],
  );

  const leave = async () => {
    setLeaving(true);
    setLeaveFailure(undefined);
    const result = await adminStepDown(accountId);
    setLeaving(false);
    if (result.ok) askAgain(leftNotice);
    else setLeaveFailure(result.error);
  };

  // Staged changes live above the step-up form: an expired step-up asks for the password, not for every
  // pending draft again.
  return <StagingProvider onFailure={noteFailure}>{content()}</StagingProvider>;

  function content() {
    if (view.kind === 'checking') return <LoadingLine label="Checking admin access…" />;
    if (view.kind === 'unavailable') return <ErrorCallout error={view.error} />;
    if (view.kind === 'step-up' || adminSession === null) {
      return (
        <StepUpView
          session={session}
          notice={view.kind === 'step-up' ? view.notice : undefined}
          onSteppedUp={(access) => setView({ kind: 'ready', access })}
        />
      );
    }
    return (
      <AdminSessionContext value={adminSession}>
        <Stack gap="lg" w="100%">
          <AdminModeBar
            access={adminSession.access}
            username={session.username}
            isLeaving={isLeaving}
            onLeave={leave}
            headingRef={headingRef}
          />
          {leaveFailure && <ErrorCallout error={leaveFailure} />}
          <PendingChangesTray />
          <AdminSections />
        </Stack>
      </AdminSessionContext>
    );
  }
}
