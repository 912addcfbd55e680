/** The parts of a BrowserWindow the host uses; a narrow type so the lifecycle is testable without Electron. */
export interface HostedWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  on(event: 'closed', listener: () => void): unknown;
}

/**
 * Holds the one app window across its lives: on macOS it may be closed while the app keeps running, and
 * `activate` (a Dock click) opens a new one. A second launch brings the current one forward.
 */
export class WindowHost<W extends HostedWindow> {
  #window: W | null = null;

  constructor(private readonly create: () => W) {}

  current(): W | null {
    return this.#window !== null && !this.#window.isDestroyed() ? this.#window : null;
  }

  /** The open window, or a new one. */
  open(): W {
    const existing = this.current();
    if (existing !== null) return existing;
    const window = this.create();
    this.#window = window;
    window.on('closed', () => {
      if (this.#window === window) this.#window = null;
    });
    return window;
  }

  /** Second launch: un-minimise, show and focus the window (nothing yet while start-up is still running). */
  bringForward(): void {
    const window = this.current();
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  /** macOS `activate`: show the window, or open a new one when it was closed. */
  activate(): void {
    const window = this.current();
    if (window === null) this.open();
    else window.show();
  }
}

/** What the lifecycle needs of Electron's `app`. */
export interface LifecycleApp {
  on(event: 'window-all-closed' | 'activate', listener: () => void): unknown;
  quit(): void;
}

/** Platform conventions: on macOS closing the last window keeps the app running; elsewhere it quits. */
export function installWindowLifecycle(
  app: LifecycleApp,
  host: WindowHost<HostedWindow>,
  platform: NodeJS.Platform,
): void {
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });
  app.on('activate', () => host.activate());
}
