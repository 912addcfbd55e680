import { use, useEffect, useState } from 'react';
import type { AppError } from '../../common/errors/app-error';
import type { MfaStatus } from '../../common/ipc/mfa.contract';
import type { SessionSummary } from '../../common/ipc/session.schema';
import { onSessionChanged } from '../api/gatehouse';
import { LoginView } from '../features/login/login-view';
import { ProfileUnavailable } from './profile-unavailable';
import { SessionNotice } from './session-notice';
import { LazyMfaView, LazyPane, LazySignedInShell } from './lazy-panes';
import type { Startup } from './startup';

/** Which screen shows. `visit` counts arrivals, so each return to the login starts with a fresh form. */
type View =
  | {
      kind: 'signed-in';
      visit: number;
      session: SessionSummary;
      /** Main's news that came with the session (clock skew, memory only), until dismissed. */
      notice?: string;
    }
  | { kind: 'mfa'; visit: number; status: MfaStatus }
  | {
      kind: 'signed-out';
      visit: number;
      focus: 'username' | 'heading';
      notice?: string;
      noticeTitle?: string;
      error?: AppError;
      /** Adding another account: the session to go back to if the user cancels. */
      returnTo?: SessionSummary;
    };

function initialView({ restored }: Startup): View {
  if (restored.ok && restored.value) return { kind: 'signed-in', visit: 0, session: restored.value };
  // A restore that failed (keychain locked, server unreachable…) is shown on the login, not hidden.
  return { kind: 'signed-out', visit: 0, focus: 'username', error: restored.ok ? undefined : restored.error };
}

function optionalNotice(notice: string | undefined): { notice?: string } {
  return notice === undefined ? {} : { notice };
}

/**
 * The sign-in's own answer. Main's `session:changed` for it may have come first, with a notice (clock skew,
 * memory only) that this must not drop.
 */
function signedIn(current: View, session: SessionSummary): View {
  const notice = current.kind === 'signed-in' ? current.notice : undefined;
  return { kind: 'signed-in', visit: current.visit + 1, session, ...optionalNotice(notice) };
}

export interface ScreensProps {
  startup: Promise<Startup>;
  onRetry: () => void;
}

/** Login or session, driven by the start-up restore, the user's own actions and main's `session:changed`. */
export function Screens({ startup, onRetry }: ScreensProps) {
  const ready = use(startup);
  const [view, setView] = useState<View>(() => initialView(ready));

  useEffect(
    () =>
      onSessionChanged(({ session, notice, reason }) =>
        setView((current): View => {
          // The MFA screen finishes by itself: it may still have a new recovery code to show.
          if (current.kind === 'mfa' && reason === 'signed_in') return current;
          // While another account is being added, the current one may refresh: keep the form, note the news.
          if (current.kind === 'signed-out' && current.returnTo && session && reason !== 'signed_in') {
            return { ...current, returnTo: session };
          }
          if (session) {
            const kept = current.kind === 'signed-in' ? current.notice : undefined;
            return {
              kind: 'signed-in',
              visit: current.visit + (current.kind === 'signed-in' ? 0 : 1),
              session,
              ...optionalNotice(notice ?? kept),
            };
          }
          // Our own "Sign out" already showed the login; only a notice (a session that ended by itself) is news.
          if (current.kind === 'signed-out' && notice === undefined) return current;
          return { kind: 'signed-out', visit: current.visit + 1, focus: 'heading', notice };
        }),
      ),
    [],
  );

  if (view.kind === 'signed-in') {
    return (
      <>
        {view.notice !== undefined && (
          <SessionNotice
            text={view.notice}
            onDismiss={() =>
              setView((current) => (current.kind === 'signed-in' ? { ...current, notice: undefined } : current))
            }
          />
        )}
        <LazyPane what="your account">
          <LazySignedInShell
            session={view.session}
            onSignedOut={() =>
              setView((current) => ({ kind: 'signed-out', visit: current.visit + 1, focus: 'heading' }))
            }
            onAddAccount={() =>
              setView((current) => ({
                kind: 'signed-out',
                visit: current.visit + 1,
                focus: 'username',
                returnTo: view.session,
              }))
            }
          />
        </LazyPane>
      </>
    );
  }
  if (view.kind === 'mfa') {
    return (
      <LazyPane what="the second step">
        <LazyMfaView
          key={view.visit}
          status={view.status}
          onSignedIn={(session) => setView((current) => signedIn(current, session))}
          onLeave={(notice) =>
            setView((current) => ({
              kind: 'signed-out',
              visit: current.visit + 1,
              focus: 'heading',
              notice,
              noticeTitle: 'Sign-in not finished',
            }))
          }
        />
      </LazyPane>
    );
  }
  if (!ready.profile.ok) return <ProfileUnavailable error={ready.profile.error} onRetry={onRetry} />;
  return (
    <LoginView
      key={view.visit}
      profile={ready.profile.value}
      notice={view.notice}
      noticeTitle={view.noticeTitle}
      initialError={view.error}
      focusOnMount={view.focus}
      onSignedIn={(session) => setView((current) => signedIn(current, session))}
      onProfileSwitched={onRetry}
      onMfaRequired={(status) => setView((current) => ({ kind: 'mfa', visit: current.visit + 1, status }))}
      {...(view.returnTo === undefined
        ? {}
        : {
            onCancel: () => {
              const session = view.returnTo;
              if (session) setView((current) => ({ kind: 'signed-in', visit: current.visit + 1, session }));
            },
          })}
    />
  );
}
