import { BrowserWindow, dialog, screen, session, shell } from 'electron';
import type { Logger } from '../logging/logger';
import { appOrigin } from './app-protocol';
import { externalLinkDecision, isAppUrl } from './navigation-guard';
import { restorableBounds, type WindowStateStore } from './window-bounds';
import { failureReporter, type FailureChoice, type FailureWords } from './window-failure';

export interface MainWindowOptions {
  readonly preloadPath: string;
  /** `app.isPackaged`: packaged builds get no dev tools. */
  readonly isPackaged: boolean;
  /** Read on every link, so a profile switch or policy change applies at once. */
  readonly linkHosts: () => readonly string[];
  readonly windowState: WindowStateStore;
  readonly logger: Logger;
  readonly quit: () => void;
}

export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * Creates the app window: hardened webPreferences (design/security.md, "Electron hardening"), written out
 * literally so electronegativity can read them; no navigation away from the app origin; no new windows;
 * links only to allow-listed https hosts; no permissions; and every failure shown, never a hidden window.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { logger } = options;
  const window = new BrowserWindow({
    ...restorableBounds(
      options.windowState.get('bounds'),
      screen.getAllDisplays().map((display) => display.workArea),
    ),
    minWidth: 720,
    minHeight: 560,
    show: false,
    title: 'Gatehouse',
    webPreferences: {
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK: our own bundled preload, sandboxed, exposing only the zod-checked contract
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click (auxclick) can open a link without going through the window-open handler.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !options.isPackaged,
    },
  });
  const contents = window.webContents;

  const refuseForeign = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    logger.warn('Navigation away from the app refused', { kind, url: event.url });
  };
  contents.on('will-navigate', refuseForeign('navigate'));
  contents.on('will-redirect', refuseForeign('redirect'));
  contents.on('will-frame-navigate', refuseForeign('frame-navigate'));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = externalLinkDecision(url, options.linkHosts());
    if (decision.open) {
      void shell.openExternal(decision.url); // eng-disable OPEN_EXTERNAL_JS_CHECK: url passed externalLinkDecision (https, allow-listed host, no userinfo)
    } else {
      logger.warn('Link refused', { url, reason: decision.reason });
    }
    return { action: 'deny' };
  });
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  let crashingOnPurpose = false;
  const report = failureReporter({
    logger,
    ask: (words) => askReloadOrQuit(window, words),
    reload: (kind) => {
      if (kind === 'unresponsive') {
        // A hung renderer cannot reload itself; end it, and load the app afresh.
        crashingOnPurpose = true;
        contents.forcefullyCrashRenderer();
      }
      void window.loadURL(appEntryUrl);
    },
    quit: options.quit,
  });
  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedUrl, isMainFrame) => {
    // -3 (ERR_ABORTED) is a navigation we cancelled ourselves, not a failure.
    if (isMainFrame && errorCode !== -3) report('load-failed', `${errorDescription} (${errorCode}) ${validatedUrl}`);
  });
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    if (crashingOnPurpose) {
      crashingOnPurpose = false;
      return;
    }
    report('renderer-gone', `${details.reason} (exit code ${details.exitCode})`);
  });
  window.on('unresponsive', () => report('unresponsive', 'The window stopped answering.'));

  window.on('close', () => options.windowState.set('bounds', window.getNormalBounds()));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appEntryUrl);
  return window;
}

async function askReloadOrQuit(window: BrowserWindow, words: FailureWords): Promise<FailureChoice> {
  if (window.isDestroyed()) return 'quit';
  window.show();
  const { response } = await dialog.showMessageBox(window, {
    type: 'error',
    title: words.title,
    message: words.message,
    detail: words.detail,
    buttons: ['Reload', 'Quit'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return response === 0 ? 'reload' : 'quit';
}
