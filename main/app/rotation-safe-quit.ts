import type { Logger } from '../logging/logger';

/** What the quit guard needs of Electron's `app`: kept narrow so the fake in tests is tiny. */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export interface QuitSessions {
  settle(timeoutMs: number): Promise<boolean>;
  dispose(): void;
}

/** About five seconds: long enough for one token request and a keychain write, short enough to feel like a quit. */
export const quitSettleMs = 5_000;

/**
 * Makes every quit (the window's close, Cmd+Q, the menu, the OS logging out) rotation-safe. The first
 * `before-quit` is held while refreshes in flight reach the keychain (bounded); then the tokens are dropped
 * from memory and the quit goes ahead. Cmd+Q on macOS fires `before-quit` but not `window-all-closed`, so
 * this is the one place that sees every quit.
 */
export function installRotationSafeQuit(
  app: QuittingApp,
  sessions: QuitSessions,
  logger: Logger,
  timeoutMs: number = quitSettleMs,
): void {
  let phase: 'running' | 'settling' | 'ready' = 'running';
  app.on('before-quit', (event) => {
    if (phase === 'ready') return;
    event.preventDefault();
    if (phase === 'settling') return;
    phase = 'settling';
    void sessions
      .settle(timeoutMs)
      .then(
        (settled) => {
          if (!settled) logger.warn('Quit went ahead with a token refresh still unfinished', { timeoutMs });
        },
        (cause: unknown) => logger.error('Waiting for token refreshes failed', { cause: String(cause) }),
      )
      .finally(() => {
        sessions.dispose();
        phase = 'ready';
        app.quit();
      });
  });
}
