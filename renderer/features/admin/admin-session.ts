import { createContext, useContext } from 'react';
import type { AppError } from '../../../common/errors/app-error';
import type { AdminAccess } from '../../../common/ipc/admin.contract';

/** What every admin screen may know about the step-up it works under. No token: main keeps that. */
export interface AdminSession {
  readonly access: AdminAccess;
  /**
   * Whether the step-up holds any one of `needs`. The Management API authorises "any of" a route's scopes
   * (its 403 says "expected any of: …"), so screens list the same alternatives the server accepts.
   */
  can(needs: readonly string[]): boolean;
  /**
   * Every admin call's failure goes through here: an `admin_step_up_required` answer (the step-up expired,
   * was ended, or the server refused it) sends the pane back to "Confirm it’s you".
   */
  noteFailure(error: AppError): void;
}

export const AdminSessionContext = createContext<AdminSession | null>(null);

/** The admin session of the pane around the caller; screens under the pane only. */
export function useAdminSession(): AdminSession {
  const session = useContext(AdminSessionContext);
  // Rendering an admin screen outside the pane is a programming error, not a user error.
  if (session === null) throw new Error('Admin screens must be rendered inside the admin pane.');
  return session;
}
