import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../../main/logging/logger';
import { fakeElectron, FakeBrowserWindow } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron.module);

const { createMainWindow } = await import('../../../../main/window/main-window');

const warnings: Array<[string, Record<string, unknown> | undefined]> = [];
const logger: Logger = {
  info: () => undefined,
  warn: (message, fields) => warnings.push([message, fields]),
  error: () => undefined,
};
const saved: { bounds?: unknown } = {};
const quit = vi.fn();

function open(overrides: { isPackaged?: boolean; linkHosts?: string[] } = {}): FakeBrowserWindow {
  createMainWindow({
    preloadPath: '/app/preload.cjs',
    isPackaged: overrides.isPackaged ?? true,
    linkHosts: () => overrides.linkHosts ?? ['tenant.example.com', 'help.example.com'],
    windowState: { get: () => saved.bounds, set: (_key, value) => (saved.bounds = value) },
    logger,
    quit,
  });
  const window = FakeBrowserWindow.all.at(-1);
  if (window === undefined) throw new Error('no window was created');
  return window;
}

beforeEach(() => {
  FakeBrowserWindow.all.length = 0;
  warnings.length = 0;
  delete saved.bounds;
  quit.mockClear();
  fakeElectron.module.shell.openExternal.mockClear();
  fakeElectron.module.dialog.showMessageBox.mockClear();
  fakeElectron.state.dialogAnswer = 0;
  fakeElectron.state.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
});

describe('the main window', () => {
  it('is created with the hardened webPreferences, without dev tools when packaged', () => {
    expect(open().options.webPreferences).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('keeps the dev tools in development builds', () => {
    expect(open({ isPackaged: false }).options.webPreferences).toMatchObject({ devTools: true });
  });

  it('loads the app from app://gatehouse, not from the network or file://', () => {
    expect(open().loads).toEqual(['app://gatehouse/index.html']);
  });

  const hostile = [
    'https://evil.example/',
    'http://evil.example/',
    'http://gatehouse/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'app://gatehouse.evil/',
    'app://gatehouse.evil.example/index.html',
    'app://evil/index.html',
    'app://gatehouse@evil.example/',
    'app://user:pass@gatehouse/index.html',
    'app://gatehouse:8080/index.html',
    'app://xn--gatehuse-q9a/index.html',
    'app://gatehöuse/index.html',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'blob:app://gatehouse/1b4e28ba-2fa1-11d2-883f-0016d3cca427',
    '//evil.example/',
    'ws://gatehouse/',
    'apps://gatehouse/',
    'not a url',
  ];
  const events = ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const;

  it.each(events.flatMap((name) => hostile.map((url) => [name, url] as const)))('%s refuses %s', (name, url) => {
    const window = open();
    const event = { url, preventDefault: vi.fn() };
    window.webContents.emit(name, event, url);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(warnings.at(-1)?.[0]).toBe('Navigation away from the app refused');
  });

  it.each(events)('%s lets the app move within its own origin', (name) => {
    const window = open();
    for (const url of ['app://gatehouse/index.html', 'app://gatehouse/', 'app://gatehouse/index.html#/admin']) {
      const event = { url, preventDefault: vi.fn() };
      window.webContents.emit(name, event, url);
      expect(event.preventDefault).not.toHaveBeenCalled();
    }
  });

  it('denies every new window and opens only allow-listed https hosts in the browser', () => {
    const decide = open().webContents.openHandler;
    const urls = [
      'https://tenant.example.com/help',
      'https://HELP.example.com/a?b=c',
      'https://docs.example/',
      'http://tenant.example.com/',
      'https://tenant.example.com.evil.example/',
      'https://user@tenant.example.com/',
      'https://tenant.example.com:8443/',
      'javascript:alert(1)',
      'file:///etc/passwd',
    ];
    for (const url of urls) expect(decide?.({ url })).toEqual({ action: 'deny' });
    expect(fakeElectron.module.shell.openExternal.mock.calls).toEqual([
      ['https://tenant.example.com/help'],
      ['https://help.example.com/a?b=c'],
    ]);
    expect(warnings.filter(([message]) => message === 'Link refused')).toHaveLength(urls.length - 2);
  });

  it('refuses every link when nothing is on the allow-list', () => {
    open({ linkHosts: [] }).webContents.openHandler?.({ url: 'https://tenant.example.com/' });
    expect(fakeElectron.module.shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses to attach a <webview>', () => {
    const window = open();
    const event = { preventDefault: vi.fn() };
    window.webContents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('denies every permission request and check', () => {
    open();
    const callback = vi.fn();
    fakeElectron.permissionHandlers.request?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(fakeElectron.permissionHandlers.check?.({}, 'clipboard-read')).toBe(false);
  });
});

describe('window failures', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('a failed first load shows the window and asks Reload or Quit; Reload loads the app again', async () => {
    const window = open();
    window.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://gatehouse/index.html', true);
    await settle();
    expect(window.shown).toBe(1);
    const [, options] = fakeElectron.module.dialog.showMessageBox.mock.calls[0] ?? [];
    expect(options).toMatchObject({ type: 'error', buttons: ['Reload', 'Quit'] });
    expect(String(options?.detail)).toContain('ERR_FILE_NOT_FOUND');
    expect(window.loads).toEqual(['app://gatehouse/index.html', 'app://gatehouse/index.html']);
  });

  it('Quit in the failure dialog quits the app', async () => {
    fakeElectron.state.dialogAnswer = 1;
    const window = open();
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await settle();
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('ignores an aborted or sub-frame load and a clean renderer exit', async () => {
    const window = open();
    window.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'https://evil.example/', true);
    window.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://gatehouse/x', false);
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    await settle();
    expect(fakeElectron.module.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('an unresponsive window asks once; Reload ends the hung renderer and loads the app afresh', async () => {
    const window = open();
    window.emit('unresponsive');
    window.emit('unresponsive');
    await settle();
    expect(fakeElectron.module.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(window.webContents.crashed).toBe(1);
    window.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    await settle();
    expect(fakeElectron.module.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(window.loads).toHaveLength(2);
  });
});

describe('window bounds', () => {
  it('keeps the normal bounds on close and opens the next window there', () => {
    const first = open();
    first.normalBounds = { x: 300, y: 200, width: 800, height: 600 };
    first.emit('close');
    expect(saved.bounds).toEqual({ x: 300, y: 200, width: 800, height: 600 });
    expect(open().options).toMatchObject({ x: 300, y: 200, width: 800, height: 600 });
  });

  it('opens at the default size, centred, when the saved place is on no display any more', () => {
    saved.bounds = { x: 2500, y: 100, width: 800, height: 600 };
    const options = open().options;
    expect(options).toMatchObject({ width: 1000, height: 760 });
    expect(options).not.toHaveProperty('x');
  });
});
