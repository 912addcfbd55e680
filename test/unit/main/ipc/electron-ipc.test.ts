import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { listChannels } from '../../../../common/ipc/contract';
import type { Logger } from '../../../../main/logging/logger';

vi.mock('electron', async () => (await import('../window/fake-electron')).fakeElectron.module);

const { registerIpcChannels, removeForeignIpcListeners, senderInfoOf } =
  await import('../../../../main/ipc/electron-ipc');
const { createIpcRouter, trustOrigin } = await import('../../../../main/ipc/ipc-router');

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A frame wrapper as Electron hands one out: a fresh object per event, same properties. */
function frame(url: string, parent: unknown = null, destroyed = false) {
  return { url, parent, isDestroyed: () => destroyed, detached: false };
}

function registered() {
  const handled = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const ipcMain = {
    handle: (id: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => handled.set(id, handler),
  };
  const service = vi.fn(async () => ({ ok: true, value: null }) as const);
  const handlers: Record<string, Record<string, typeof service>> = {};
  for (const { domain, verb } of listChannels()) (handlers[domain] ??= {})[verb] = service;
  registerIpcChannels(createIpcRouter(handlers as never, trustOrigin('app://gatehouse'), silent), ipcMain as never);
  const call = (event: unknown) => handled.get('auth:session')?.(event, {});
  return { handled, service, call };
}

describe('IPC registration and the sender check', () => {
  it('registers every contract channel and nothing else', () => {
    expect([...registered().handled.keys()].sort()).toEqual(
      listChannels()
        .map(({ spec }) => spec.id)
        .sort(),
    );
  });

  it('accepts the main frame at the app origin even when the event carries a different wrapper for it', async () => {
    const { call, service } = registered();
    const senderFrame = frame('app://gatehouse/index.html');
    const mainFrame = frame('app://gatehouse/index.html');
    expect(senderFrame).not.toBe(mainFrame);
    await expect(call({ senderFrame, sender: { mainFrame } })).resolves.toEqual({ ok: true, value: null });
    expect(service).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a sub-frame at the app origin', frame('app://gatehouse/index.html', frame('app://gatehouse/index.html'))],
    ['a foreign origin', frame('https://evil.example/')],
    ['a look-alike origin', frame('app://gatehouse.evil/index.html')],
    ['a destroyed frame', frame('app://gatehouse/index.html', null, true)],
    ['a detached frame', { ...frame('app://gatehouse/index.html'), detached: true }],
    ['no frame at all', null],
    ['a frame whose navigation went away', undefined],
  ])('refuses %s', async (_name, senderFrame) => {
    const { call, service } = registered();
    const answer = await call({ senderFrame, sender: { mainFrame: frame('app://gatehouse/index.html') } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(service).not.toHaveBeenCalled();
  });

  it('describes the frame by its properties', () => {
    expect(senderInfoOf(frame('app://gatehouse/x'))).toEqual({ frameUrl: 'app://gatehouse/x', isMainFrame: true });
    expect(senderInfoOf(frame('app://gatehouse/x', {}))).toEqual({ frameUrl: 'app://gatehouse/x', isMainFrame: false });
  });
});

describe('nothing else on ipcMain', () => {
  it('removes every ipcMain.on listener the app did not register (electron-store’s get-data among them)', () => {
    const ipcMain = new EventEmitter();
    ipcMain.on('electron-store-get-data', () => undefined);
    ipcMain.on('__ELECTRON_LOG__', () => undefined);
    expect(removeForeignIpcListeners(silent, ipcMain)).toEqual(['electron-store-get-data', '__ELECTRON_LOG__']);
    expect(ipcMain.eventNames()).toEqual([]);
  });
});
