import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listChannels } from '../../../../common/ipc/contract';

// A fake `electron` module: the real binary is not available in CI, and the glue is thin enough that
// checking what it asks of Electron is the test. Everything with logic is tested elsewhere without it.
const fake = vi.hoisted(() => {
  type Handler = (...args: unknown[]) => unknown;
  const windows: Array<{
    options: Record<string, unknown>;
    handlers: Map<string, Handler>;
    openHandler?: Handler;
    url?: string;
  }> = [];
  const permissionHandlers: { request?: Handler; check?: Handler } = {};
  class BrowserWindow {
    readonly record: (typeof windows)[number];
    readonly webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.record = { options, handlers: new Map() };
      windows.push(this.record);
      const record = this.record;
      this.webContents = {
        on: (name: string, handler: Handler) => record.handlers.set(name, handler),
        setWindowOpenHandler: (handler: Handler) => (record.openHandler = handler),
      };
    }
    once(): void {}
    show(): void {}
    async loadURL(url: string): Promise<void> {
      this.record.url = url;
    }
  }
  return {
    windows,
    permissionHandlers,
    openExternal: vi.fn(async () => undefined),
    handled: new Map<string, Handler>(),
    module: {} as Record<string, unknown>,
    BrowserWindow,
  };
});

vi.mock('electron', () => ({
  BrowserWindow: fake.BrowserWindow,
  shell: { openExternal: fake.openExternal },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: (...args: unknown[]) => unknown) =>
        (fake.permissionHandlers.request = handler),
      setPermissionCheckHandler: (handler: (...args: unknown[]) => unknown) =>
        (fake.permissionHandlers.check = handler),
    },
  },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  net: { fetch: vi.fn() },
  ipcMain: { handle: vi.fn() },
}));

const { createMainWindow, hardenedWebPreferences } = await import('../../../../main/window/main-window');
const { registerIpcChannels } = await import('../../../../main/ipc/electron-ipc');
const { createIpcRouter, trustOrigin } = await import('../../../../main/ipc/ipc-router');

describe('the main window', () => {
  beforeEach(() => {
    fake.windows.length = 0;
    fake.openExternal.mockClear();
  });

  it('is created with the hardened webPreferences', () => {
    createMainWindow('/app/preload.cjs');
    expect(fake.windows[0]?.options.webPreferences).toEqual(hardenedWebPreferences('/app/preload.cjs'));
    expect(hardenedWebPreferences('/p')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('loads the app from app://gatehouse, not from the network or file://', () => {
    createMainWindow('/p');
    expect(fake.windows[0]?.url).toBe('app://gatehouse/index.html');
  });

  it.each([
    ['https://evil.example/', true],
    ['file:///etc/passwd', true],
    ['app://gatehouse.evil/', true],
    ['app://gatehouse/index.html', false],
  ])('blocks navigation to %s: %s', (url, blocked) => {
    createMainWindow('/p');
    const event = { preventDefault: vi.fn() };
    fake.windows[0]?.handlers.get('will-navigate')?.(event, url);
    expect(event.preventDefault).toHaveBeenCalledTimes(blocked ? 1 : 0);
  });

  it('denies new windows, opening only https links outside', () => {
    createMainWindow('/p');
    const open = fake.windows[0]?.openHandler;
    expect(open?.({ url: 'https://docs.example/' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.openExternal).toHaveBeenCalledTimes(1);
    expect(fake.openExternal).toHaveBeenCalledWith('https://docs.example/');
  });

  it('denies every permission request and check', () => {
    createMainWindow('/p');
    const callback = vi.fn();
    fake.permissionHandlers.request?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(fake.permissionHandlers.check?.({}, 'clipboard-read')).toBe(false);
  });
});

describe('IPC registration', () => {
  it('registers every contract channel, each passing the real sender frame to the router check', async () => {
    const handled = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
    const ipcMain = {
      handle: (id: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => handled.set(id, handler),
    };
    const service = vi.fn(async () => ({ ok: true, value: null }) as const);
    const handlers: Record<string, Record<string, typeof service>> = {};
    for (const { domain, verb } of listChannels()) (handlers[domain] ??= {})[verb] = service;
    const router = createIpcRouter(handlers as never, trustOrigin('app://gatehouse'));
    registerIpcChannels(router, ipcMain as never);
    expect([...handled.keys()].sort()).toEqual(
      listChannels()
        .map(({ spec }) => spec.id)
        .sort(),
    );

    const mainFrame = { url: 'https://evil.example/' };
    const refused = await handled.get('auth:session')?.({ senderFrame: mainFrame, sender: { mainFrame } }, {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(service).not.toHaveBeenCalled();

    const ours = { url: 'app://gatehouse/index.html' };
    const child = { url: 'app://gatehouse/index.html' };
    const fromChild = await handled.get('auth:session')?.({ senderFrame: child, sender: { mainFrame: ours } }, {});
    expect(fromChild).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });

    await expect(
      handled.get('auth:session')?.({ senderFrame: ours, sender: { mainFrame: ours } }, {}),
    ).resolves.toEqual({
      ok: true,
      value: null,
    });
  });
});
