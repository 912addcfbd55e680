import { ipcMain as electronIpcMain, type IpcMain, type WebContents } from 'electron';
import { listEvents } from '../../common/ipc/contract';
import type { SessionChanged } from '../../common/ipc/session.schema';
import type { IpcRouter } from './ipc-router';

/**
 * Binds the router to Electron: one `ipcMain.handle` per contract channel, each passing the real sender
 * frame to the router's check. The only file in main that touches ipcMain.
 */
export function registerIpcChannels(router: IpcRouter, ipcMain: Pick<IpcMain, 'handle'> = electronIpcMain): void {
  for (const channelId of router.channelIds) {
    ipcMain.handle(channelId, (event, payload: unknown) =>
      router.handle(
        channelId,
        { frameUrl: event.senderFrame?.url ?? '', isMainFrame: event.senderFrame === event.sender.mainFrame },
        payload,
      ),
    );
  }
}

const sessionChangedChannel = listEvents().find(({ name }) => name === 'sessionChanged')?.spec.id ?? 'session:changed';

/** Pushes a session change to the window, if it is still open. */
export function sendSessionChanged(webContents: WebContents, change: SessionChanged): void {
  if (!webContents.isDestroyed()) webContents.send(sessionChangedChannel, change);
}
