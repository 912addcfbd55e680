import { app, dialog, powerMonitor } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { launchCliIfAsked } from './app/cli-launch';
import { createDesktopServices } from './app/desktop-services';
import { userAgent } from './app/user-agent';
import { registerIpcChannels, sendSessionChanged } from './ipc/electron-ipc';
import { KeytarSecretStore } from './secrets/keytar-secret-store';
import { IdleLock } from './session/idle-lock';
import { loadManagedPolicy, policyFilePath } from './settings/policy-file';
import { profileFromEnvironment } from './settings/profile-from-environment';
import { SettingsService } from './settings/settings-service';
import type { RawSettingsFile } from './settings/settings-store';
import { appOrigin, registerAppScheme, serveRenderer } from './window/app-protocol';
import { createMainWindow } from './window/main-window';

// Composition root: wiring only. Everything with logic is built and tested without Electron.
// `gatehouse token` and the other CLI commands: run them and exit, before anything of the window starts.
if (launchCliIfAsked()) await new Promise<never>(() => undefined);
registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();
app.enableSandbox();

async function start(): Promise<void> {
  // A broken policy or settings file stops the app with its message: carrying on would ignore what the
  // organisation set, and overwriting the settings would lose what the user had.
  const policy = await loadManagedPolicy(policyFilePath(process.env));
  const settings = new SettingsService(new Store({ name: 'config' }) as unknown as RawSettingsFile, policy);
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
  });
  serveRenderer(join(import.meta.dirname, '../renderer'));
  registerIpcChannels(router);
  const window = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'));
  sessions.onChanged((change) => sendSessionChanged(window.webContents, change));

  if (policy.idleLockMinutes !== undefined) {
    const idleLock = new IdleLock({
      idleSeconds: () => powerMonitor.getSystemIdleTime(),
      limitSeconds: policy.idleLockMinutes * 60,
      lock: () => sessions.lock(),
    });
    setInterval(() => idleLock.check(), 15_000).unref();
    powerMonitor.on('lock-screen', () => sessions.lock());
  }
  app.on('window-all-closed', () => {
    sessions.dispose();
    app.quit();
  });
}

app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    dialog.showErrorBox('Gatehouse cannot start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
