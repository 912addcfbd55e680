import { app, dialog, powerMonitor, type BrowserWindow } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { launchCliIfAsked } from './app/cli-launch';
import { createDesktopServices } from './app/desktop-services';
import { installRotationSafeQuit } from './app/rotation-safe-quit';
import { claimSingleInstance } from './app/single-instance';
import { userAgent } from './app/user-agent';
import { registerIpcChannels, removeForeignIpcListeners, sendSessionChanged } from './ipc/electron-ipc';
import { createFileLog } from './logging/log-file';
import { createLogger, routeLogs } from './logging/logger';
import { KeytarSecretStore } from './secrets/keytar-secret-store';
import { IdleLock } from './session/idle-lock';
import { loadManagedPolicy, policyFilePath } from './settings/policy-file';
import { profileFromEnvironment } from './settings/profile-from-environment';
import { SettingsService } from './settings/settings-service';
import type { RawSettingsFile } from './settings/settings-store';
import { installApplicationMenu } from './window/app-menu';
import { appOrigin, registerAppScheme, serveRenderer } from './window/app-protocol';
import { createMainWindow } from './window/main-window';
import { linkAllowList } from './window/navigation-guard';
import type { WindowStateStore } from './window/window-bounds';
import { installWindowLifecycle, WindowHost } from './window/window-host';

// Composition root: wiring only. Everything with logic is built and tested without Electron.
// `gatehouse token` and the other CLI commands: run them and exit, before anything of the window starts.
if (launchCliIfAsked()) await new Promise<never>(() => undefined);
registerAppScheme();
let windows: WindowHost<BrowserWindow> | null = null;
// The losing instance exits here, before the policy, the keychain or a window is touched.
if (claimSingleInstance(app, () => windows?.bringForward())) {
  app.enableSandbox();
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Gatehouse cannot start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const logFile = createFileLog(app.getPath('logs'));
  routeLogs(logFile.sink, !app.isPackaged);
  const logger = createLogger('app');
  installApplicationMenu({ isPackaged: app.isPackaged, platform: process.platform });
  // A broken policy or settings file stops the app with its message: carrying on would ignore what the
  // organisation set, and overwriting the settings would lose what the user had.
  const policy = await loadManagedPolicy(policyFilePath(process.env));
  const settings = new SettingsService(new Store({ name: 'config' }) as unknown as RawSettingsFile, policy);
  const windowState = new Store({ name: 'window-state' }) as unknown as WindowStateStore;
  const launchProfile = profileFromEnvironment(process.env);
  if (launchProfile !== null) {
    const saved = settings.saveProfile(launchProfile);
    if (saved.ok) settings.useProfile(saved.value.id);
  }

  const secretStore = new KeytarSecretStore();
  const { sessions, router } = createDesktopServices({
    settings,
    secretStore,
    trustedOrigin: appOrigin,
    userAgent: userAgent(app.getVersion(), `Electron ${process.versions.electron}`),
    logTail: (count) => logFile.tail(count),
  });
  serveRenderer(join(import.meta.dirname, '../renderer'));
  removeForeignIpcListeners(logger);
  registerIpcChannels(router);
  installRotationSafeQuit(app, sessions, logger);

  const host = new WindowHost(() =>
    createMainWindow({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      isPackaged: app.isPackaged,
      linkHosts: () => linkAllowList(settings.activeProfile()?.issuer, policy.externalLinkHosts),
      windowState,
      logger: createLogger('window'),
      quit: () => app.quit(),
    }),
  );
  windows = host;
  host.open();
  installWindowLifecycle(app, host, process.platform);
  sessions.onChanged((change) => sendSessionChanged(host.current()?.webContents, change));

  if (policy.idleLockMinutes !== undefined) {
    const idleLock = new IdleLock({
      idleSeconds: () => powerMonitor.getSystemIdleTime(),
      limitSeconds: policy.idleLockMinutes * 60,
      lock: () => sessions.lock(),
    });
    setInterval(() => idleLock.check(), 15_000).unref();
    powerMonitor.on('lock-screen', () => sessions.lock());
  }
}
