import { ipcMain as electronIpcMain, type IpcMain, type WebContents } from 'electron';
import { listEvents } from '../../common/ipc/contract';
import type { SessionChanged } from '../../common/ipc/session.schema';
import type { Logger } from '../logging/logger';
import type { IpcRouter, SenderInfo } from './ipc-router';

/** The frame properties the sender check reads. Real Electron may hand out a new wrapper per event. */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly detached?: boolean;
  isDestroyed?(): boolean;
}

/**
 * Describes the sender by what the frame *is*, not by object identity: Electron may give two wrappers for
 * one frame, so `senderFrame === sender.mainFrame` can refuse the real window. A main frame has no parent;
 * a destroyed or detached frame (or none at all) is reported as an untrusted sub-frame with no URL.
 */
export function senderInfoOf(frame: SenderFrameLike | null | undefined): SenderInfo {
  if (frame === null || frame === undefined) return { frameUrl: '', isMainFrame: false };
  const gone = frame.detached === true || frame.isDestroyed?.() === true;
  if (gone) return { frameUrl: '', isMainFrame: false };
  return { frameUrl: frame.url, isMainFrame: frame.parent === null };
}

/**
 * Binds the router to Electron: one `ipcMain.handle` per contract channel, each passing the real sender
 * frame to the router's check. The only file in main that touches ipcMain.
 */
export function registerIpcChannels(router: IpcRouter, ipcMain: Pick<IpcMain, 'handle'> = electronIpcMain): void {
  for (const channelId of router.channelIds) {
    ipcMain.handle(channelId, (event, payload: unknown) =>
      router.handle(channelId, senderInfoOf(event.senderFrame), payload),
    );
  }
}

/**
 * Removes every `ipcMain.on` listener the app did not register itself. electron-store v12's constructor,
 * run in the main process, adds a synchronous `electron-store-get-data` listener (it answers the userData
 * path to any renderer that asks); nothing in Gatehouse needs it. Our own channels use `handle`, so no
 * `on` listener is ours. Returns the channels removed, which are logged.
 */
export function removeForeignIpcListeners(
  logger: Logger,
  ipcMain: { eventNames(): Array<string | symbol>; removeAllListeners(channel: string): unknown } = electronIpcMain,
): string[] {
  const removed = ipcMain.eventNames().map(String);
  for (const channel of removed) ipcMain.removeAllListeners(channel);
  if (removed.length > 0) logger.info('Removed IPC listeners Gatehouse did not register', { channels: removed });
  return removed;
}

const sessionChangedChannel = listEvents().find(({ name }) => name === 'sessionChanged')?.spec.id ?? 'session:changed';

/** Pushes a session change to the window, if it is still open. */
export function sendSessionChanged(webContents: WebContents | undefined, change: SessionChanged): void {
  if (webContents !== undefined && !webContents.isDestroyed()) webContents.send(sessionChangedChannel, change);
}
