import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A fake `electron` module for the glue tests: the real binary is not available in CI, and the glue is thin
 * enough that checking what it asks of Electron is the test. Windows record their options, handlers and
 * loads; the dialog answers with `dialogAnswer`.
 */
export type Handler = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  openHandler?: Handler;
  crashed = 0;
  setWindowOpenHandler(handler: Handler): void {
    this.openHandler = handler;
  }
  forcefullyCrashRenderer(): void {
    this.crashed += 1;
  }
  isDestroyed(): boolean {
    return false;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loads: string[] = [];
  shown = 0;
  focused = 0;
  restored = 0;
  minimized = false;
  destroyed = false;
  normalBounds = { x: 10, y: 20, width: 900, height: 700 };
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loads.push(url);
  }
  show(): void {
    this.shown += 1;
  }
  focus(): void {
    this.focused += 1;
  }
  restore(): void {
    this.restored += 1;
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): typeof this.normalBounds {
    return this.normalBounds;
  }
}

export function createFakeElectron() {
  const permissionHandlers: { request?: Handler; check?: Handler } = {};
  const state = {
    dialogAnswer: 0,
    displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  };
  const module = {
    BrowserWindow: FakeBrowserWindow,
    shell: { openExternal: vi.fn(async (_url: string) => undefined) },
    dialog: {
      showMessageBox: vi.fn(async (_window: unknown, _options: Record<string, unknown>) => ({
        response: state.dialogAnswer,
      })),
    },
    screen: { getAllDisplays: () => state.displays },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Handler) => (permissionHandlers.request = handler),
        setPermissionCheckHandler: (handler: Handler) => (permissionHandlers.check = handler),
      },
    },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    net: { fetch: vi.fn() },
    ipcMain: new EventEmitter(),
  };
  return { module, state, permissionHandlers };
}

/** The one fake shared by a test file and its `vi.mock('electron', …)` factory. */
export const fakeElectron = createFakeElectron();
