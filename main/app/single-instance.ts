/** What the single-instance guard needs of Electron's `app`. */
export interface InstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
  exit(exitCode?: number): void;
}

/**
 * One Gatehouse per user. The losing launch exits at once, before anything starts (no window, no keychain,
 * no policy read), and the running one is told to bring its window forward. Returns whether this process
 * is the one that carries on.
 */
export function claimSingleInstance(app: InstanceApp, bringForward: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.exit(0);
    return false;
  }
  app.on('second-instance', bringForward);
  return true;
}
