import { createContext, useContext } from 'react';

/** Moves between admin sections with a target: a log event's "Open the user's page". */
export interface AdminNavigation {
  /** The user the Users section opens when it mounts, if one was asked for. */
  readonly userToOpen: string | undefined;
  openUser(userId: string): void;
}

export const AdminNavigationContext = createContext<AdminNavigation>({ userToOpen: undefined, openUser: () => {} });

export const useAdminNavigation = () => useContext(AdminNavigationContext);
