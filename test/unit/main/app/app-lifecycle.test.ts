import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { installRotationSafeQuit } from '../../../../main/app/rotation-safe-quit';
import { claimSingleInstance } from '../../../../main/app/single-instance';
import type { Logger } from '../../../../main/logging/logger';
import { installWindowLifecycle, WindowHost } from '../../../../main/window/window-host';

/** Electron's `app` as far as the lifecycle uses it: events, the lock, quit and exit. */
class FakeApp extends EventEmitter {
  locked = true;
  exited: number | undefined;
  quits = 0;
  requestSingleInstanceLock(): boolean {
    return this.locked;
  }
  exit(code?: number): void {
    this.exited = code ?? 0;
  }
  /** Like Electron: quit emits before-quit, and goes ahead only when nobody prevented it. */
  quit(): void {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.quits += 1;
  }
}

class FakeWindow extends EventEmitter {
  minimized = false;
  destroyed = false;
  calls: string[] = [];
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  restore = () => this.calls.push('restore');
  show = () => this.calls.push('show');
  focus = () => this.calls.push('focus');
}

const warnings: string[] = [];
const logger: Logger = { info: () => undefined, warn: (message) => warnings.push(message), error: () => undefined };

describe('single instance', () => {
  it('the losing launch exits at once and starts nothing', () => {
    const app = new FakeApp();
    app.locked = false;
    const start = vi.fn();
    if (claimSingleInstance(app, vi.fn())) start();
    expect(app.exited).toBe(0);
    expect(start).not.toHaveBeenCalled();
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('a second launch restores, shows and focuses the first window', () => {
    const app = new FakeApp();
    const host = new WindowHost(() => new FakeWindow());
    expect(claimSingleInstance(app, () => host.bringForward())).toBe(true);
    app.emit('second-instance'); // before the window exists: nothing to do, and no crash
    const window = host.open();
    window.minimized = true;
    app.emit('second-instance');
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
  });
});

describe('window lifecycle', () => {
  it('on macOS closing the window keeps the app running, and activate opens a new window', () => {
    const app = new FakeApp();
    const created: FakeWindow[] = [];
    const host = new WindowHost(() => {
      const window = new FakeWindow();
      created.push(window);
      return window;
    });
    installWindowLifecycle(app, host, 'darwin');
    const first = host.open();
    first.destroyed = true;
    first.emit('closed');
    app.emit('window-all-closed');
    expect(app.quits).toBe(0);
    app.emit('activate');
    expect(created).toHaveLength(2);
    app.emit('activate');
    expect(created).toHaveLength(2);
    expect(created[1]?.calls).toEqual(['show']);
  });

  it.each(['linux', 'win32'] as const)('on %s closing the last window quits', (platform) => {
    const app = new FakeApp();
    installWindowLifecycle(app, new WindowHost(() => new FakeWindow()), platform);
    app.emit('window-all-closed');
    expect(app.quits).toBe(1);
  });
});

describe('rotation-safe quit', () => {
  function sessionsHeldBy(refresh: Promise<void>) {
    const order: string[] = [];
    return {
      order,
      settle: vi.fn(async (timeoutMs: number) => {
        order.push(`settle ${timeoutMs}`);
        await refresh;
        order.push('settled');
        return true;
      }),
      dispose: vi.fn(() => order.push('dispose')),
    };
  }

  it('holds every quit (Cmd+Q included) until refreshes reach the keychain, then drops tokens and quits', async () => {
    const app = new FakeApp();
    let finishRefresh: () => void = () => undefined;
    const sessions = sessionsHeldBy(new Promise<void>((resolve) => (finishRefresh = resolve)));
    installRotationSafeQuit(app, sessions, logger);
    app.quit(); // Cmd+Q: before-quit without window-all-closed
    app.quit(); // a second Cmd+Q while waiting does not start a second wait
    await Promise.resolve();
    expect(app.quits).toBe(0);
    expect(sessions.settle).toHaveBeenCalledTimes(1);
    expect(sessions.dispose).not.toHaveBeenCalled();
    finishRefresh();
    await vi.waitFor(() => expect(app.quits).toBe(1));
    expect(sessions.order).toEqual(['settle 5000', 'settled', 'dispose']);
  });

  it('quits anyway when the wait runs out, and says so in the log', async () => {
    const app = new FakeApp();
    const sessions = { settle: vi.fn(async () => false), dispose: vi.fn() };
    installRotationSafeQuit(app, sessions, logger, 50);
    app.quit();
    await vi.waitFor(() => expect(app.quits).toBe(1));
    expect(sessions.settle).toHaveBeenCalledWith(50);
    expect(sessions.dispose).toHaveBeenCalledTimes(1);
    expect(warnings).toContain('Quit went ahead with a token refresh still unfinished');
  });
});
