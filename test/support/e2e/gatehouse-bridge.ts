import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { SessionChanged } from '../../../common/ipc/session.schema';
import type { IpcRouter } from '../../../main/ipc/ipc-router';

const builtPreload = join(import.meta.dirname, '../../../out/preload/index.cjs');

/**
 * Gives a Chromium page the same `window.gatehouse` the Electron app has, wired to the real main-process
 * IPC router. The page runs the *built preload itself*; only its `require('electron')` is replaced, by an
 * `ipcRenderer` whose `invoke` crosses into this Node process over a Playwright binding, carrying the real
 * sender frame URL for the router's sender check. Test-only: it never ships.
 */
export async function installGatehouseBridge(page: Page, router: IpcRouter): Promise<(change: SessionChanged) => void> {
  await page.exposeBinding('__gatehouseIpc', (source, channelId: string, payload: unknown) =>
    router.handle(
      channelId,
      { frameUrl: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() },
      payload,
    ),
  );
  const preload = await readFile(builtPreload, 'utf8');
  await page.addInitScript(`(() => {
    const listeners = new Map();
    window.__gatehouseEmit = (eventId, payload) => {
      for (const listener of listeners.get(eventId) ?? []) listener({}, payload);
    };
    const electron = {
      contextBridge: { exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: Object.freeze(api) }) },
      ipcRenderer: {
        invoke: (channelId, input) => window.__gatehouseIpc(channelId, input),
        on: (eventId, listener) => listeners.set(eventId, [...(listeners.get(eventId) ?? []), listener]),
        removeListener: (eventId, listener) => listeners.set(eventId, (listeners.get(eventId) ?? []).filter((l) => l !== listener)),
      },
    };
    const module = { exports: {} };
    const require = (name) => {
      if (name === 'electron') return electron;
      throw new Error('the sandboxed preload may not require ' + name);
    };
    (function (module, exports, require) {
${preload}
    })(module, module.exports, require);
  })();`);
  // Main-to-renderer events: what webContents.send does in the app.
  return (change) => {
    const payload: unknown = JSON.parse(JSON.stringify(change));
    page
      .evaluate(
        ([eventId, body]) =>
          (window as unknown as { __gatehouseEmit(id: string, p: unknown): void }).__gatehouseEmit(eventId, body),
        ['session:changed', payload] as const,
      )
      .catch(() => undefined); // the page may already be closed
  };
}
