import { app } from 'electron';
import { join } from 'node:path';
import { createDesktopServices } from './app/desktop-services';
import { userAgent } from './app/user-agent';
import { registerIpcChannels, sendSessionChanged } from './ipc/electron-ipc';
import { KeytarSecretStore } from './secrets/keytar-secret-store';
import { profileFromEnvironment } from './settings/profile-from-environment';
import { appOrigin, registerAppScheme, serveRenderer } from './window/app-protocol';
import { createMainWindow } from './window/main-window';

// Composition root: wiring only. Everything with logic is built and tested without Electron.
registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

app.enableSandbox();
app
  .whenReady()
  .then(() => {
    const profile = profileFromEnvironment(process.env);
    const { sessions, router } = createDesktopServices({
      profile,
      secretStore: new KeytarSecretStore(),
      trustedOrigin: appOrigin,
      userAgent: userAgent(app.getVersion(), `Electron ${process.versions.electron}`),
    });
    serveRenderer(join(import.meta.dirname, '../renderer'));
    registerIpcChannels(router);
    const window = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'));
    sessions.onChanged((change) => sendSessionChanged(window.webContents, change));
    app.on('window-all-closed', () => app.quit());
  })
  .catch((error: unknown) => {
    console.error('Gatehouse could not start:', error instanceof Error ? error.message : error);
    app.exit(1);
  });
